Rails.application.configure do
  config.secret_key_base = "dev"
end
