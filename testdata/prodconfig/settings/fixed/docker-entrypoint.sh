#!/bin/sh
set -e
: "${DJANGO_SECRET_KEY:?DJANGO_SECRET_KEY must be set}"
: "${JWT_SECRET:?}"
export DJANGO_DEBUG=false
workers=4
exec gunicorn portal.wsgi --workers "$workers"
