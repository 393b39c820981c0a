Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.consider_all_requests_local = true # want "debug/rails-consider-all-requests-local"
  config.force_ssl = true
end
