import { checkEndpoint, type PolicyEnv } from '../../../http/endpoint-policy';
import { EndpointNotAllowedError } from '../../../http/errors';
import { GraphError, GraphErrorCode } from './errors';

/** The Graph base URL without a trailing slash, once the egress policy allows it; GraphError otherwise. */
export const allowedBase = (graphBaseUrl: string, env: PolicyEnv | undefined): string => {
  try {
    const url = checkEndpoint('Graph base URL', graphBaseUrl, env);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch (error) {
    if (!(error instanceof EndpointNotAllowedError)) throw error;
    throw new GraphError(GraphErrorCode.EndpointNotAllowed, `Graph call refused: ${error.message}`, { cause: error });
  }
};
