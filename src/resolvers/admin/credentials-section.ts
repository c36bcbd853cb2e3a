import type { AdminDeps } from '../../composition/admin-deps';
import { testConnectionSchema } from '../../contract/connection-test';
import { credentialIdSchema, credentialInputSchema } from '../../contract/credentials';
import { googleCredentialInputSchema } from '../../contract/google-workspace';
import { authorizationSetup, beginAuthorization } from '../../credentials/authorization/begin-authorization';
import { testConnection } from '../../credentials/test-connection';
import { withTraffic } from '../../credentials/traffic-health';
import { resolverFunction, type ResolverRequest } from '../resolver-kit';
import { adminOnly, type AdminSection, noPayload } from './admin-section';

export type CredentialsSectionDeps = Omit<AdminDeps, 'mail' | 'log' | 'notifications' | 'mailHandlers' | 'incomingLog'>;

type CredentialsSection = AdminSection<
  | 'listCredentials'
  | 'saveCredential'
  | 'saveGoogleCredential'
  | 'deleteCredential'
  | 'testConnection'
  | 'setDefaultCredential'
  | 'listWarnings'
  | 'getAuthorizationSetup'
  | 'beginAuthorization',
  'credentials' | 'warnings'
>;

/**
 * The Atlassian account of the admin calling: the Forge resolver's context names it
 * (https://developer.atlassian.com/platform/forge/runtime-reference/forge-resolver/, `context.accountId`).
 */
const callerOf = (request: ResolverRequest): string => {
  const accountId = request.context['accountId'];
  if (typeof accountId !== 'string' || !/^[A-Za-z0-9:_-]{1,128}$/.test(accountId)) {
    throw new Error('The resolver context names no account.');
  }
  return accountId;
};

/** The credentials tab and the warnings banner above every tab. */
export const credentialsSection = (deps: CredentialsSectionDeps): CredentialsSection => {
  const admin = adminOnly(deps.requestJira);
  const readers: CredentialsSection['readers'] = {
    warnings: () => deps.warnings.list(),
    credentials: async () => withTraffic(await deps.credentials.list(), deps.traffic),
  };
  return {
    readers,
    functions: {
      listCredentials: resolverFunction({
        ...admin,
        name: 'listCredentials',
        schema: noPayload,
        run: () => readers.credentials(),
      }),
      saveCredential: resolverFunction({
        ...admin,
        name: 'saveCredential',
        schema: credentialInputSchema,
        run: (input) => deps.credentials.save(input),
      }),
      saveGoogleCredential: resolverFunction({
        ...admin,
        name: 'saveGoogleCredential',
        schema: googleCredentialInputSchema,
        run: (input) => deps.credentials.saveGoogle(input),
      }),
      deleteCredential: resolverFunction({
        ...admin,
        name: 'deleteCredential',
        schema: credentialIdSchema,
        run: ({ id }) => deps.credentials.remove(id),
      }),
      testConnection: resolverFunction({
        ...admin,
        name: 'testConnection',
        schema: testConnectionSchema,
        run: ({ id, sendTestEmail, values }) =>
          testConnection(id, deps, { sendTestEmail: sendTestEmail === true, values }),
      }),
      setDefaultCredential: resolverFunction({
        ...admin,
        name: 'setDefaultCredential',
        schema: credentialIdSchema,
        run: ({ id }) => deps.credentials.setDefault(id),
      }),
      listWarnings: resolverFunction({
        ...admin,
        name: 'listWarnings',
        schema: noPayload,
        run: () => readers.warnings(),
      }),
      getAuthorizationSetup: resolverFunction({
        ...admin,
        name: 'getAuthorizationSetup',
        schema: noPayload,
        run: () => authorizationSetup(deps.authorization),
      }),
      beginAuthorization: resolverFunction({
        ...admin,
        name: 'beginAuthorization',
        schema: credentialIdSchema,
        run: ({ id }, request) => beginAuthorization(id, callerOf(request), deps),
      }),
    },
  };
};
