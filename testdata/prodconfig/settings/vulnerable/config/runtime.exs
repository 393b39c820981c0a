import Config

if config_env() == :prod do
  config :portal, PortalWeb.Endpoint,
    url: [host: "localhost", port: 443],  # want "env/local-url"
    secret_key_base: System.get_env("SECRET_KEY_BASE") || "changeme"  # want "env/placeholder-secret"
end

if config_env() == :dev do
  config :portal, PortalWeb.Endpoint, url: [host: "localhost"]
end
