from .asset_bundle import register

__all__ = ["register"]
