from .bilingual_listings import register

__all__ = ["register"]
