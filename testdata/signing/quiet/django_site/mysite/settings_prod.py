# A generated key committed here is the secret rules' to report.
SECRET_KEY = "94b5bf675326e2996f2fd57032d7dec0b9b0bb10047117b49af6cc45d9c40321"
