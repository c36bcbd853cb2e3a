/** The headers that carry a worker's platform call target and its invocation's proxy token to the host's proxy. */
export const TARGET_HEADER = 'x-local-forge-target';
export const TOKEN_HEADER = 'x-local-forge-proxy-token';
