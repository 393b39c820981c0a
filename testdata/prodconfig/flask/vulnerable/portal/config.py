"""Configuration classes; ProductionConfig is what gunicorn runs."""
import os


class Config:
    SECRET_KEY = os.environ.get("PORTAL_SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")


class ProductionConfig(Config):
    PREFERRED_URL_SCHEME = "https"
    SESSION_COOKIE_SECURE = False  # want "transport/session-cookie-not-secure"
    SESSION_COOKIE_HTTPONLY = False  # want "transport/session-cookie-not-httponly"
    REMEMBER_COOKIE_DURATION = 86400


class DevelopmentConfig(Config):
    SESSION_COOKIE_SECURE = False
