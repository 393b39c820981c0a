import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

DEBUG = True  # want "debug/django-debug-true"

ALLOWED_HOSTS = ["*"]  # want "debug/django-allowed-hosts-wildcard"

INSTALLED_APPS = ["django.contrib.auth", "portal"]
