import datetime

import jwt
from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = "changeme"  # want "secret/flask-secret-key-literal"
app.config["JWT_SECRET_KEY"] = "super-secret"  # want "secret/jwt-key-literal"


class Config:
    SECRET_KEY = "hard to guess string"  # want "secret/flask-secret-key-literal"
    SQLALCHEMY_TRACK_MODIFICATIONS = False


def create_app():
    web = Flask(__name__)
    web.config.from_mapping(SECRET_KEY="dev", DATABASE="app.sqlite")  # want "secret/flask-secret-key-literal"
    return web


@app.post("/login")
def login():
    user = request.json["username"]
    token = jwt.encode(
        {"sub": user, "exp": datetime.datetime.utcnow() + datetime.timedelta(hours=1)},
        "secret",  # want "secret/jwt-key-literal"
        algorithm="HS256",
    )
    session["user"] = user
    return jsonify(token=token)


@app.get("/me")
def me():
    claims = jwt.decode(request.headers["Authorization"][7:], key="s3cr3t", algorithms=["HS256"])  # want "secret/jwt-key-literal"
    return jsonify(claims)
