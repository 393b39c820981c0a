"""Configuration classes; ProductionConfig is what gunicorn runs."""
import os


class Config:
    SECRET_KEY = os.environ.get("PORTAL_SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    CORS_ORIGINS = os.environ.get("CORS_ORIGINS", "").split(",")


class ProductionConfig(Config):
    PREFERRED_URL_SCHEME = "https"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_DURATION = 86400


class DevelopmentConfig(Config):
    SESSION_COOKIE_SECURE = False
