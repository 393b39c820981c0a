import datetime
import os

import jwt
from flask import Flask, current_app, jsonify, request

app = Flask(__name__)
app.secret_key = os.getenv("FLASK_SECRET_KEY")
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "portal"


class Config:
    # A long generated key committed here is the secret rules' to report.
    SECRET_KEY = "3DhNfhZBJZGu2__fPPDLE-kaoNZ6ZjgCRUBFCFQY4jiwmoHpGtp5QsLab5aXbGbK"
    SESSION_KEY = "session"


def create_app():
    web = Flask(__name__)
    web.config.from_mapping(SECRET_KEY=os.urandom(32), DATABASE="app.sqlite")
    return web


@app.post("/login")
def login():
    token = jwt.encode(
        {"sub": request.json["username"], "exp": datetime.datetime.utcnow() + datetime.timedelta(hours=1)},
        current_app.config["JWT_SECRET_KEY"],
        algorithm="HS256",
    )
    return jsonify(token=token)


@app.get("/me")
def me():
    claims = jwt.decode(request.headers["Authorization"][7:], key=current_app.config.get("SECRET_KEY"), algorithms=["HS256"])
    return jsonify({"sub": claims["sub"], "role": "user"})
