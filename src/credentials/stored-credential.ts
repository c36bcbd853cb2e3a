import * as z from 'zod/mini';

import { REQUIRED_PERMISSIONS } from '../contract/credential-health';
import { CLIENT_AUTH_METHODS, GRANT_TYPES } from '../contract/credential-kinds';
import type { CredentialView } from '../contract/credentials';
import { MICROSOFT_CLOUD_KEYS } from '../contract/microsoft-clouds';
import { builtOnFirstUse } from '../shared/built-on-first-use';
import { describeFirstSchemaProblem } from '../shared/describe-schema-problems';
import { IN_ENGLISH } from '../shared/schema-problem-messages';

const ID = /^[a-z0-9-]{1,64}$/;

const diagnosisStepSchema = z.object({
  key: z.enum(['token', 'permissions', 'mailbox', 'test-email']),
  status: z.enum(['passed', 'failed', 'warning', 'skipped']),
  title: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
});

const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  code: z.string(),
  message: z.string(),
  testedAt: z.string(),
  steps: z.optional(z.array(diagnosisStepSchema)),
  permissions: z.optional(z.array(z.object({ permission: z.enum(REQUIRED_PERMISSIONS), granted: z.boolean() }))),
  tested: z.optional(z.enum(['form', 'saved'])),
});

const certificateSummarySchema = z.object({
  thumbprint: z.string(),
  thumbprintSha256: z.string(),
  subject: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});

/** The app registration and mailbox, the same in every version (in this order, which stored records keep). */
const connectionFields = {
  clientId: z.string(),
  tokenEndpoint: z.string(),
  scope: z.string(),
  senderMailbox: z.string(),
  graphBaseUrl: z.string(),
  secretExpiresOn: z.optional(z.string()),
  hasSecret: z.boolean(),
  secretUpdatedAt: z.optional(z.string()),
};

/**
 * What version 1 (the foundation release) wrote: a client secret credential of Microsoft 365 only. Built on first
 * use: only a record not rewritten since that release needs it.
 */
const storedCredentialV1Schema = builtOnFirstUse(() =>
  z.object({
    version: z.literal(1),
    id: z.string().check(z.regex(ID)),
    name: z.string(),
    provider: z.literal('microsoft365'),
    grantType: z.enum(GRANT_TYPES),
    ...connectionFields,
    isDefault: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastTest: z.optional(connectionTestResultSchema),
  }),
);

/**
 * A credential as kept in plain storage under `credential:{id}`. The client secret, the next secret and the
 * certificate's private key live only in secret storage; this record says only whether each is set and when.
 */
export const storedCredentialSchema = z.object({
  version: z.literal(2),
  id: z.string().check(z.regex(ID)),
  name: z.string(),
  provider: z.enum(MICROSOFT_CLOUD_KEYS),
  grantType: z.enum(GRANT_TYPES),
  clientAuthMethod: z.enum(CLIENT_AUTH_METHODS),
  ...connectionFields,
  hasNextSecret: z.boolean(),
  nextSecretExpiresOn: z.optional(z.string()),
  nextSecretUpdatedAt: z.optional(z.string()),
  certificate: z.optional(certificateSummarySchema),
  hasPrivateKey: z.boolean(),
  /** When the certificate and key were last set: part of the token fingerprint, as secretUpdatedAt is. */
  certificateUpdatedAt: z.optional(z.string()),
  lastRotation: z.optional(z.object({ promotedAt: z.string(), reason: z.enum(['expired', 'invalid']) })),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastTest: z.optional(connectionTestResultSchema),
});

export type StoredCredential = z.infer<typeof storedCredentialSchema>;
type StoredCredentialV1 = z.infer<ReturnType<typeof storedCredentialV1Schema>>;

/** A version 1 record as this release keeps it: a client secret credential with no next secret or certificate. */
export const migrateV1 = (record: StoredCredentialV1): StoredCredential => ({
  ...record,
  version: 2,
  clientAuthMethod: 'client_secret',
  hasNextSecret: false,
  hasPrivateKey: false,
});

export type ReadResult = { ok: true; credential: StoredCredential } | { ok: false; problem: string };

/**
 * Reads a stored record of any version this release knows, migrated to the current one. `problem` names the first
 * offending field (zod's messages name types, never values).
 */
export const readStoredCredential = (value: unknown): ReadResult => {
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (version === 1) {
    const parsed = storedCredentialV1Schema().safeParse(value, IN_ENGLISH);
    return parsed.success
      ? { ok: true, credential: migrateV1(parsed.data) }
      : { ok: false, problem: describeFirstSchemaProblem(parsed.error) };
  }
  const parsed = storedCredentialSchema.safeParse(value, IN_ENGLISH);
  return parsed.success
    ? { ok: true, credential: parsed.data }
    : { ok: false, problem: describeFirstSchemaProblem(parsed.error) };
};

/** What the current things in use are, for the admin page: delete is refused while the list is not empty. */
export const DEFAULT_CREDENTIAL_USE = 'Email this issue (default credential)';

export const toCredentialView = (
  credential: StoredCredential,
  isDefault: boolean,
  usedBy: string[] = [],
): CredentialView => {
  const { version: _version, certificateUpdatedAt: _certificateUpdatedAt, ...view } = credential;
  return { ...view, isDefault, ...(usedBy.length === 0 ? {} : { usedBy }) };
};
