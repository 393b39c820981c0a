# Sessions live in an encrypted cookie.
Rails.application.config.session_store :cookie_store,
  key: "_acme_portal_session",
  httponly: false, # want "transport/session-cookie-not-httponly"
  secure: false, # want "transport/session-cookie-not-secure"
  same_site: :none # want "transport/samesite-none-without-secure"
