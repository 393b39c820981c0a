Rails.application.configure do
  config.force_ssl = true
  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE")
end
