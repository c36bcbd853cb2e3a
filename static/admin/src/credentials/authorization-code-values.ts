import type { CredentialFormValues } from './form-state';

type GrantType = CredentialFormValues['grantType'];

const V2_TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;

/**
 * The authorization endpoint that goes with a v2 token endpoint: same host and tenant, `/authorize` for `/token`
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow). Microsoft redeems a code
 * only against the tenant that issued it (AADSTS700005), so this is the form's default. The backend's own rule is
 * src/oauth/authorization-endpoint.ts (authorizationEndpointFor), which static code may not import.
 */
export const authorizationEndpointOf = (tokenEndpoint: string): string => {
  let url: URL;
  try {
    url = new URL(tokenEndpoint.trim());
  } catch {
    return '';
  }
  const tenant = V2_TOKEN_PATH.exec(url.pathname)?.[1];
  return tenant === undefined ? '' : `${url.origin}/${tenant}/oauth2/v2.0/authorize`;
};

/** The authorization endpoint follows the token endpoint while it is empty or still the one derived from it. */
export const withTokenEndpoint = (values: CredentialFormValues, tokenEndpoint: string): CredentialFormValues => {
  const derived = values.authorizationEndpoint.trim() === authorizationEndpointOf(values.tokenEndpoint);
  const follows = values.authorizationEndpoint.trim() === '' || derived;
  return {
    ...values,
    tokenEndpoint,
    authorizationEndpoint:
      follows && values.grantType === 'authorization_code'
        ? authorizationEndpointOf(tokenEndpoint)
        : values.authorizationEndpoint,
  };
};

/**
 * Choosing the authorization code grant prefills the authorization endpoint from the token endpoint; going back to
 * client credentials drops that prefill again (the grant does not use it), never an address the admin typed.
 */
export const withGrantType = (values: CredentialFormValues, grantType: GrantType): CredentialFormValues => {
  const derived = authorizationEndpointOf(values.tokenEndpoint);
  if (grantType === 'authorization_code') {
    const empty = values.authorizationEndpoint.trim() === '';
    return { ...values, grantType, authorizationEndpoint: empty ? derived : values.authorizationEndpoint };
  }
  const prefilled = values.authorizationEndpoint.trim() === derived;
  return { ...values, grantType, authorizationEndpoint: prefilled ? '' : values.authorizationEndpoint };
};
