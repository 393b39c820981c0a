import os
import connexion
from flask_sqlalchemy import SQLAlchemy

vuln_app = connexion.App(__name__, specification_dir="./openapi_specs")

vuln_app.app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False

vuln_app.app.config['SECRET_KEY'] = os.environ['SECRET_KEY']
# vuln_app.app.config['SECRET_KEY'] = 'random'
db = SQLAlchemy(vuln_app.app)
