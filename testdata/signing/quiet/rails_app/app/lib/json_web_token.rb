class JsonWebToken
  SECRET = Rails.application.credentials.secret_key_base

  def self.encode(payload)
    JWT.encode(payload, SECRET, 'HS256')
  end

  def self.decode(token)
    JWT.decode(token, ENV['JWT_SECRET'], true, algorithm: 'HS256')[0]
  end
end
