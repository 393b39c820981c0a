require_relative "boot"
require "rails/all"

module Portal
  class Application < Rails::Application
    config.load_defaults 7.1
    config.secret_key_base = "changeme" # want "secret/rails-secret-key-base-literal"
  end
end
