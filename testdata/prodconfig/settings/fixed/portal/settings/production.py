import os

from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["portal.acme-billing.io"]
SITE_URL = "https://portal.acme-billing.io"
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD")
DATABASES = {
    "default": {"HOST": os.environ["DB_HOST"]},
}
