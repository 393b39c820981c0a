from app import app


def test_health():
    client = app.test_client()
    assert client.get("/health").status_code == 200


if __name__ == "__main__":
    app.run(debug=True)
