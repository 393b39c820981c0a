# Production variables for the portal's Terraform.
environment = "production"
region      = "eu-west-1"
db_password = "password123" # want "env/weak-secret" "env/literal-secret-in-manifest"
app = {
  api_base_url = "http://api.acme-billing.io" # want "env/local-url"
  replicas     = 3
}
allowed_cidrs = [
  "10.0.0.0/8",
]
