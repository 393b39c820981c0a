Rails.application.configure do
  config.force_ssl = true
  config.action_mailer.default_url_options = { host: "portal.acme-billing.io", protocol: "https" }
  config.x.portal_api_token = ENV.fetch("PORTAL_API_TOKEN")
  config.log_level = :info
end
