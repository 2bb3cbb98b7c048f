/** The API's own version (the URL carries its major, /v1); dataset releases are versioned separately. */
export const API_VERSION = "1.0.0";
