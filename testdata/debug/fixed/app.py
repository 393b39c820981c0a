import os

from flask import Flask

app = Flask(__name__)


@app.route("/health")
def health():
    return {"ok": True}


if __name__ == "__main__":
    # app.run(debug=True) is for a laptop only; production runs gunicorn.
    app.run(host="0.0.0.0", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")
