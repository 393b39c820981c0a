// The same kinds of values in code are findings.
export const apiKey = "90679037jUvMCmjXESaCdJsZbdVxTgNx"; // want "secret/generic-api-key"

// export const legacyApiKey = "tQxiDX3pCNycLapim86tIxX5puQJ";
