Rails.application.configure do
  config.cache_classes = true
  config.force_ssl = true
  config.secret_key_base = 'portal-production-key' # want "secret/rails-secret-key-base-literal"
end
