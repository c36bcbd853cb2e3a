import * as z from 'zod/mini';
import { credentialIdSchema, credentialInputSchema } from '../contract/credentials';
import type { AdminFunctions } from '../contract/functions';
import type { CredentialService } from '../credentials/credential-service';
import { testConnection, type TestConnectionDeps } from '../credentials/test-connection';
import { assertJiraAdmin } from '../jira/admin-check';
import type { RequestJira } from '../jira/jira-client';
import { resolverFunction, type ResolverFunction } from './resolver-kit';

export interface AdminDeps extends Omit<TestConnectionDeps, 'credentials'> {
  credentials: CredentialService;
  /** Jira as the invoking user, for the admin check. */
  requestJira: RequestJira;
}

export type AdminHandlers = { [K in keyof AdminFunctions]: ResolverFunction<AdminFunctions[K]['data']> };

const noPayload = z.strictObject({});

/** The admin page's functions. Each one first checks that the caller is a Jira administrator. */
export const createAdminFunctions = (deps: AdminDeps): AdminHandlers => {
  const guard = () => assertJiraAdmin(deps.requestJira);
  return {
    listCredentials: resolverFunction({
      name: 'listCredentials',
      audience: 'admin',
      guard,
      schema: noPayload,
      run: () => deps.credentials.list(),
    }),
    saveCredential: resolverFunction({
      name: 'saveCredential',
      audience: 'admin',
      guard,
      schema: credentialInputSchema,
      run: (input) => deps.credentials.save(input),
    }),
    deleteCredential: resolverFunction({
      name: 'deleteCredential',
      audience: 'admin',
      guard,
      schema: credentialIdSchema,
      run: ({ id }) => deps.credentials.remove(id),
    }),
    testConnection: resolverFunction({
      name: 'testConnection',
      audience: 'admin',
      guard,
      schema: credentialIdSchema,
      run: ({ id }) => testConnection(id, deps),
    }),
  };
};
