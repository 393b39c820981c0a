// Keys their providers issue for browsers are public by design.
posthog.init("phc_tQxiDX3pCNycLapim86tIxX5puQJ90679037jUvMCmj", { api_host: "https://eu.posthog.com" });
export const SEGMENT_WRITE_KEY = "90679037jUvMCmjXESaCdJsZbdVxTgNx";
export const ALGOLIA_SEARCH_API_KEY = "224cb433e56bdde784538e9555fbad70";
export const ALGOLIA_ADMIN_API_KEY = "1aa728ec5cf78ff25fec4dbcf5e3d10e"; // want "secret/algolia-api-key"
