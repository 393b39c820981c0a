import os

# On unless the environment says otherwise: reported high.
DEBUG = os.environ.get("DJANGO_DEBUG", True)  # want "debug/django-debug-true"

# On only under a condition: reported low, with the condition.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL == "DEBUG":
    DEBUG = True  # want "debug/django-debug-true"

if os.environ.get("DJANGO_PRODUCTION"):
    SECURE_SSL_REDIRECT = True
else:
    # Local runs.
    DEBUG = True  # want "debug/django-debug-true"

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    DEBUG = True  # want "debug/django-debug-true"


class Base:
    # A class body runs when the module loads: reported high.
    DEBUG = True  # want "debug/django-debug-true"
