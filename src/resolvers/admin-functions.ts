import * as z from 'zod/mini';
import { credentialIdSchema, credentialInputSchema } from '../contract/credentials';
import type { AdminFunctions } from '../contract/functions';
import type { CredentialService } from '../credentials/credential-service';
import { testConnection, type TestConnectionDeps } from '../credentials/test-connection';
import { assertJiraAdmin } from '../jira/admin-check';
import type { RequestJira } from '../jira/jira-client';
import type { WarningService } from '../warnings/warning-service';
import { resolverFunction, type ResolverFunction } from './resolver-kit';

export interface AdminDeps extends Omit<TestConnectionDeps, 'credentials' | 'requestJira' | 'onPromoted'> {
  credentials: CredentialService;
  warnings: Pick<WarningService, 'list' | 'recordPromotion'>;
  /** Jira as the invoking user: the admin check, and the admin's email address for a test email. */
  requestJira: RequestJira;
}

export type AdminHandlers = { [K in keyof AdminFunctions]: ResolverFunction<AdminFunctions[K]['data']> };

const noPayload = z.strictObject({});

const testConnectionSchema = z.strictObject({
  id: credentialIdSchema.shape.id,
  sendTestEmail: z.optional(z.boolean()),
});

/** The admin page's functions: thin wrappers over the services. Each one first checks that the caller is a Jira administrator. */
export const createAdminFunctions = (deps: AdminDeps): AdminHandlers => {
  const guard = () => assertJiraAdmin(deps.requestJira);
  const admin = { audience: 'admin', guard } as const;
  return {
    listCredentials: resolverFunction({
      ...admin,
      name: 'listCredentials',
      schema: noPayload,
      run: () => deps.credentials.list(),
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
      run: ({ id, sendTestEmail }) =>
        testConnection(
          id,
          { ...deps, onPromoted: (credential) => deps.warnings.recordPromotion(credential) },
          { sendTestEmail: sendTestEmail === true },
        ),
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
      run: () => deps.warnings.list(),
    }),
  };
};
