"""Settings for the ACME client portal (the only settings module)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["portal.acme-invoices.com"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "corsheaders",
    "invoices",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

ROOT_URLCONF = "portal.urls"

CORS_ALLOWED_ORIGINS = [
    "https://portal.acme-invoices.com",
    "https://staging-portal.herokuapp.com",  # want "cors/origin-not-allowed"
]
CORS_ALLOW_CREDENTIALS = True

SESSION_COOKIE_SECURE = False  # want "transport/session-cookie-not-secure"
SESSION_COOKIE_HTTPONLY = False  # want "transport/session-cookie-not-httponly"
CSRF_COOKIE_SECURE = False  # want "transport/session-cookie-not-secure"
SESSION_COOKIE_SAMESITE = "None"  # want "transport/samesite-none-without-secure"
