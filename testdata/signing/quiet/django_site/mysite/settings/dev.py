from .base import *  # noqa

SECRET_KEY = "dev"
