import Config

if config_env() == :prod do
  config :portal, PortalWeb.Endpoint,
    url: [host: "portal.acme-billing.io", port: 443],
    secret_key_base: System.get_env("SECRET_KEY_BASE") || raise("SECRET_KEY_BASE is missing")
end

if config_env() == :dev do
  config :portal, PortalWeb.Endpoint, url: [host: "localhost"]
end
