#!/bin/sh
set -e
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-insecure}"  # want "env/weak-secret" "env/literal-secret-in-manifest"
: "${JWT_SECRET:=secret}"  # want "env/placeholder-secret"
export DJANGO_DEBUG=true  # want "env/dev-mode"
workers=4
exec gunicorn portal.wsgi --workers "$workers"
