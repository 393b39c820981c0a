import jwt

from app import app


def test_login():
    app.secret_key = "test"
    token = jwt.encode({"sub": "alice"}, "secret", algorithm="HS256")
    assert jwt.decode(token, "secret", algorithms=["HS256"])["sub"] == "alice"
