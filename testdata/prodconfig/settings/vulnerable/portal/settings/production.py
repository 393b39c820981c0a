import os

from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["portal.acme-billing.io"]
SITE_URL = "http://portal.acme-billing.io"  # want "env/local-url"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "changeme")  # want "env/placeholder-secret"
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "Mg7-Kp2q-Zx9w-Lr4t")  # want "env/literal-secret-in-manifest"
DATABASES = {
    "default": {"HOST": os.environ["DB_HOST"]},
}
