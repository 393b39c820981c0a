"""ACME client portal: the Flask application factory."""
from flask import Flask, request
from flask_cors import CORS

from .config import ProductionConfig


def create_app():
    app = Flask(__name__)
    app.config.from_object(ProductionConfig)
    CORS(app, supports_credentials=True)  # want "cors/wildcard-with-credentials"

    @app.after_request
    def partner_cors(response):
        if request.path.startswith("/embed/"):
            response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")
            response.headers["Access-Control-Allow-Credentials"] = "true"  # want "cors/reflected-origin-with-credentials"
        return response

    return app
