import { DEFAULT_GRAPH_BASE_URL, DEFAULT_SCOPE, type ParsedCredentialInput } from '../contract/credentials';
import { checkEndpoint, type PolicyEnv } from '../http/endpoint-policy';

/**
 * Checks beyond the payload schema that catch, at save time, mistakes Microsoft would otherwise report only when
 * the first email fails. Returns per-field messages; empty when the input is fine.
 */
export const credentialFieldErrors = (input: ParsedCredentialInput, env?: PolicyEnv): Record<string, string> => {
  const errors: Record<string, string> = {};

  const tokenEndpoint = tryCheck(() => checkEndpoint('token endpoint', input.tokenEndpoint, env));
  if (tokenEndpoint === undefined) {
    errors['tokenEndpoint'] =
      "Use the OAuth 2.0 token endpoint (v2) on https://login.microsoftonline.com, from the app registration's Overview > Endpoints.";
  } else if (!/\/oauth2\/v2\.0\/token$/.test(tokenEndpoint.pathname)) {
    errors['tokenEndpoint'] = 'Use the v2 token endpoint: its address ends in /oauth2/v2.0/token.';
  } else if (tokenEndpoint.search !== '' || tokenEndpoint.hash !== '') {
    errors['tokenEndpoint'] = 'Remove the query string from the token endpoint address.';
  }

  if (tryCheck(() => checkEndpoint('Graph base URL', input.graphBaseUrl, env)) === undefined) {
    errors['graphBaseUrl'] = `Use the Microsoft Graph address, usually ${DEFAULT_GRAPH_BASE_URL}.`;
  }

  if (!input.scope.endsWith('/.default') || /\s/.test(input.scope)) {
    errors['scope'] = `The client credentials grant needs one scope ending in /.default, usually ${DEFAULT_SCOPE}.`;
  }
  return errors;
};

const tryCheck = (check: () => URL): URL | undefined => {
  try {
    return check();
  } catch {
    return undefined;
  }
};
