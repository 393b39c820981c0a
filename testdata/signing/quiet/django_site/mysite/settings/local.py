from .base import *  # noqa

DEBUG = True
SECRET_KEY = 'django-insecure-3k$7x!q2m@9v#p1z&w8r^t5y(u0o)i4e*l6n+b_c=d%f'
