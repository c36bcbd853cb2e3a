import * as z from 'zod/mini';
import { GRANT_TYPES, OAUTH2_PROVIDERS, type CredentialView } from '../contract/credentials';

const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  code: z.string(),
  message: z.string(),
  testedAt: z.string(),
});

/**
 * A credential as kept in plain storage under `credential:{id}`: every CredentialView field; the secret lives
 * only in secret storage. `version` lets a later release migrate records.
 */
export const storedCredentialSchema = z.object({
  version: z.literal(1),
  id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  name: z.string(),
  provider: z.enum(OAUTH2_PROVIDERS),
  grantType: z.enum(GRANT_TYPES),
  clientId: z.string(),
  tokenEndpoint: z.string(),
  scope: z.string(),
  senderMailbox: z.string(),
  graphBaseUrl: z.string(),
  secretExpiresOn: z.optional(z.string()),
  hasSecret: z.boolean(),
  secretUpdatedAt: z.optional(z.string()),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastTest: z.optional(connectionTestResultSchema),
});

export type StoredCredential = z.infer<typeof storedCredentialSchema>;

export const toCredentialView = (credential: StoredCredential, isDefault: boolean): CredentialView => {
  const { version: _version, ...view } = credential;
  return { ...view, isDefault };
};
