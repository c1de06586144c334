from .service_notices import register

__all__ = ["register"]
