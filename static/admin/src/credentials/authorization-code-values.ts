import { authorizationEndpointFor } from '../../../../src/contract/authorization-endpoint-rules';
import type { CredentialFormValues } from './form-state';

type GrantType = CredentialFormValues['grantType'];

/**
 * The authorization endpoint that goes with a v2 token endpoint (the contract's rule, the backend's default): same
 * host and tenant, `/authorize` for `/token`; '' when the token endpoint is no v2 one.
 */
export const authorizationEndpointOf = (tokenEndpoint: string): string =>
  authorizationEndpointFor(tokenEndpoint.trim()) ?? '';

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
