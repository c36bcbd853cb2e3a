import { graphBaseUrlMessage, tokenEndpointHostMessage } from '../contract/credential-input-rules';
import type { ParsedCredentialInput } from '../contract/credentials';
import { isEndpointAllowed, type PolicyEnv } from '../http/endpoint-policy';

/**
 * The checks the shared schema cannot make because they depend on where the app runs: the egress policy allows
 * loopback stand-ins of Microsoft's services only when the environment opts in. Returns per-field messages;
 * empty when the input is fine.
 */
export const credentialFieldErrors = (input: ParsedCredentialInput, env?: PolicyEnv): Record<string, string> => {
  const errors: Record<string, string> = {};
  if (!isEndpointAllowed('token endpoint', input.tokenEndpoint, env)) {
    errors['tokenEndpoint'] = tokenEndpointHostMessage(input.provider);
  }
  if (!isEndpointAllowed('Graph base URL', input.graphBaseUrl, env)) {
    errors['graphBaseUrl'] = graphBaseUrlMessage(input.provider);
  }
  return errors;
};
