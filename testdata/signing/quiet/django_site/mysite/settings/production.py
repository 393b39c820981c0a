import os

from .base import *  # noqa

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# SECRET_KEY = 'django-insecure-3k$7x!q2m@9v#p1z&w8r^t5y(u0o)i4e*l6n+b_c=d%f'
DEBUG = False
