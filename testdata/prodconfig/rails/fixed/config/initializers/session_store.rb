# Sessions live in an encrypted cookie.
Rails.application.config.session_store :cookie_store,
  key: "_acme_portal_session",
  httponly: true,
  secure: Rails.env.production?,
  same_site: :lax
