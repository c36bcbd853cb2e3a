import * as z from 'zod/mini';

import { REQUIRED_PERMISSIONS } from '../contract/credential-health';
import {
  CLIENT_AUTH_METHODS,
  CREDENTIAL_PROVIDERS,
  GRANT_TYPES,
  STORED_GRANT_TYPES,
} from '../contract/credential-kinds';

/*
 * A stored credential's shape (stored-credential.ts) as zod states it: the single source of truth, from which
 * local/tools/generate-validators.ts generates the validators the app reads records with
 * (validate-stored-credential.ts), so that functions load no zod for them. Change it, then run `npm run
 * generate:validators`.
 */

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
  authorizeAgain: z.optional(z.boolean()),
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

/** What version 1 (the foundation release) wrote: a client secret credential of Microsoft 365 only. */
export const storedCredentialV1Schema = z.object({
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
});

/**
 * A credential as kept in plain storage under `credential:{id}`. The client secret, the next secret and the
 * certificate's private key live only in secret storage; this record says only whether each is set and when.
 */
export const storedCredentialSchema = z.object({
  version: z.literal(2),
  id: z.string().check(z.regex(ID)),
  name: z.string(),
  /** A Microsoft cloud, or 'google-workspace' (grant 'jwt_bearer', `serviceAccount` set). */
  provider: z.enum(CREDENTIAL_PROVIDERS),
  grantType: z.enum(STORED_GRANT_TYPES),
  /** Google Workspace: 'client_secret', unused (its key is the service account's, `hasPrivateKey`). */
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
  /** Authorization code credentials: the v2 /authorize address. */
  authorizationEndpoint: z.optional(z.string()),
  /**
   * Authorization code credentials: who signed in (as the mail service named them) and when. The refresh token is in
   * secret storage; its last use in its own record (src/oauth/refresh-token-store.ts).
   */
  authorization: z.optional(
    z.object({
      mailbox: z.string(),
      userId: z.string(),
      displayName: z.optional(z.string()),
      authorizedAt: z.string(),
    }),
  ),
  /**
   * Google Workspace: the service account's public facts from its JSON key file. Its private key is in secret
   * storage (the slot a certificate's key uses, `hasPrivateKey`); `keyUpdatedAt` is part of the token fingerprint.
   */
  serviceAccount: z.optional(
    z.object({
      clientEmail: z.string(),
      privateKeyId: z.string(),
      projectId: z.optional(z.string()),
      keyUpdatedAt: z.string(),
    }),
  ),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastTest: z.optional(connectionTestResultSchema),
});

export type StoredCredential = z.infer<typeof storedCredentialSchema>;
export type StoredCredentialV1 = z.infer<typeof storedCredentialV1Schema>;
