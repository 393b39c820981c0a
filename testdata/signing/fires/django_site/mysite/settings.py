"""Django settings for mysite, as startproject wrote them."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = 'django-insecure-3k$7x!q2m@9v#p1z&w8r^t5y(u0o)i4e*l6n+b_c=d%f'  # want "secret/django-secret-key-literal"

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["portal.acme.io"]

if os.environ.get("DJANGO_STAGING"):
    SECRET_KEY = "staging"  # medium  # want "secret/django-secret-key-literal"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.sessions",
]
