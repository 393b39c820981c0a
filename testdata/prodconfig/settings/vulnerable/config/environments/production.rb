Rails.application.configure do
  config.force_ssl = true
  config.action_mailer.default_url_options = { host: "localhost", port: 3000 }  # want "env/local-url"
  config.x.portal_api_token = ENV.fetch("PORTAL_API_TOKEN", "changeme")  # want "env/placeholder-secret"
  config.log_level = :info
end
