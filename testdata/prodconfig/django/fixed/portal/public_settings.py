"""Overrides for the public status site, imported by portal.urls."""
from .settings import *  # noqa: F401,F403

CORS_URLS_REGEX = r"^/status/.*$"
