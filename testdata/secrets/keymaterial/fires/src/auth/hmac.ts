// The key signs session tokens.
export const sessionKey = {
  kty: "oct",
  alg: "HS256",
  k: "nZLwAC6511En8WOXm-wWmEz4SWSTAB2_LXWx6MrCviP", // want "secret/jwk-private-key"
};

// Read at run time: not a finding.
export const apiKey = { kty: "oct", alg: "HS256", k: process.env.API_JWK_K };
