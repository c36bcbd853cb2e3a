import type { AdminDeps } from '../../composition/admin-deps';
import { testConnectionSchema } from '../../contract/connection-test';
import { credentialIdSchema, credentialInputSchema } from '../../contract/credentials';
import { testConnection } from '../../credentials/test-connection';
import { withTraffic } from '../../credentials/traffic-health';
import { resolverFunction } from '../resolver-kit';
import { adminOnly, type AdminSection, noPayload } from './admin-section';

export type CredentialsSectionDeps = Omit<AdminDeps, 'mail' | 'log' | 'notifications' | 'mailHandlers' | 'incomingLog'>;

type CredentialsSection = AdminSection<
  | 'listCredentials'
  | 'saveCredential'
  | 'deleteCredential'
  | 'testConnection'
  | 'setDefaultCredential'
  | 'listWarnings',
  'credentials' | 'warnings'
>;

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
    },
  };
};
