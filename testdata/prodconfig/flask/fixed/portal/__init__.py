"""ACME client portal: the Flask application factory."""
from flask import Flask, request
from flask_cors import CORS

from .config import ProductionConfig

EMBED_ORIGINS = {"https://portal.acme-invoices.com"}


def create_app():
    app = Flask(__name__)
    app.config.from_object(ProductionConfig)
    CORS(app, origins=app.config["CORS_ORIGINS"], supports_credentials=True)

    @app.after_request
    def partner_cors(response):
        origin = request.headers.get("Origin")
        if request.path.startswith("/embed/") and origin in EMBED_ORIGINS:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Credentials"] = "true"
            response.headers["Vary"] = "Origin"
        return response

    return app
