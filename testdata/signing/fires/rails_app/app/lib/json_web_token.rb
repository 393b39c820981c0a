class JsonWebToken
  SECRET = ENV["JWT_SECRET"]

  def self.encode(payload, exp = 24.hours.from_now)
    payload[:exp] = exp.to_i
    JWT.encode(payload, 'my$ecretK3y', 'HS256') # want "secret/jwt-key-literal"
  end

  def self.decode(token)
    JWT.decode(token, SECRET, true, algorithm: 'HS256')[0]
  end
end
