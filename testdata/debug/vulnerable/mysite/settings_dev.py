from .settings import *  # noqa: F401,F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
