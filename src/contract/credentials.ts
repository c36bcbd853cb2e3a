import * as z from 'zod/mini';
import type { ConnectionTestResult } from './credential-health';

export type { ConnectionTestResult } from './credential-health';

/** How the app proves who it is to the token endpoint. */
export const CLIENT_AUTH_METHODS = ['client_secret', 'certificate'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** What the admin page sends and the backend validates: one schema for both sides. */
export const OAUTH2_PROVIDERS = ['microsoft365'] as const;
export const GRANT_TYPES = ['client_credentials'] as const;
export const DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9-]{1,64}$/;

/**
 * zod/mini carries no locale: a check without wording of its own states the message zod's classic build gave it,
 * so the form and the resolver still say what they said before.
 */
const tooLong = (max: number) => z.maxLength(max, `Too big: expected string to have <=${max} characters`);

/** Trimmed first, then at most `max` characters, then the field's own checks: the order the messages depend on. */
const trimmed = (max: number, ...checks: Array<z.core.$ZodCheck<string>>) =>
  z.string().check(z.trim(), tooLong(max), ...checks);

export const credentialInputSchema = z.strictObject({
  /** Absent when creating. */
  id: z.optional(z.string().check(z.regex(ID, 'Unknown credential id.'))),
  name: trimmed(80, z.minLength(1, 'Enter a name, for example "Support mailbox".')),
  provider: z.enum(OAUTH2_PROVIDERS, { error: 'Choose an OAuth2 service provider.' }),
  grantType: z.enum(GRANT_TYPES, { error: 'Choose a grant type.' }),
  clientId: trimmed(
    64,
    z.regex(GUID, 'Enter the Application (client) ID from the app registration\'s Overview page (a GUID).'),
  ),
  /** Write-only. Required when creating; when editing, absent or empty keeps the stored secret. */
  clientSecret: z.optional(z.string().check(z.maxLength(1024, 'That is too long for a client secret value.'))),
  tokenEndpoint: trimmed(
    2048,
    z.url({ error: 'Enter the OAuth 2.0 token endpoint (v2) URL from Overview > Endpoints.' }),
  ),
  scope: trimmed(512, z.minLength(1, `Enter the scope, usually ${DEFAULT_SCOPE}.`)),
  senderMailbox: trimmed(
    320,
    z.email({ error: 'Enter the mailbox the app sends from, for example support@contoso.com.' }),
  ),
  graphBaseUrl: trimmed(2048, z.url({ error: `Enter the Graph API base URL, usually ${DEFAULT_GRAPH_BASE_URL}.` })),
  /** The "Expires" date Entra shows beside the secret, YYYY-MM-DD. */
  secretExpiresOn: z.union([
    z.optional(z.string().check(z.regex(DATE, 'Enter the date as YYYY-MM-DD.'))),
    z.pipe(z.literal(''), z.transform(() => undefined)),
  ]),
});

export type CredentialInput = z.input<typeof credentialInputSchema>;
export type ParsedCredentialInput = z.output<typeof credentialInputSchema>;

/** What the backend returns about a credential: never the secret, only whether one is set. */
export interface CredentialView {
  id: string;
  name: string;
  provider: (typeof OAUTH2_PROVIDERS)[number];
  grantType: (typeof GRANT_TYPES)[number];
  clientId: string;
  tokenEndpoint: string;
  scope: string;
  senderMailbox: string;
  graphBaseUrl: string;
  secretExpiresOn?: string;
  hasSecret: boolean;
  secretUpdatedAt?: string;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
  lastTest?: ConnectionTestResult;
  /** 'client_secret' unless the credential signs client assertions with a certificate. */
  clientAuthMethod?: ClientAuthMethod;
  /** Rotation: a second secret tried when the current one is refused as invalid or expired. Never the value. */
  hasNextSecret?: boolean;
  nextSecretExpiresOn?: string;
  nextSecretUpdatedAt?: string;
  /** The certificate of a certificate credential (public facts only; the private key stays in secret storage). */
  certificate?: CertificateSummary;
  hasPrivateKey?: boolean;
  /** Set when the next secret replaced a refused current one. */
  lastRotation?: { promotedAt: string; reason: 'expired' | 'invalid' };
  /** What still uses this credential, e.g. 'Email this issue (default credential)'; delete is refused while set. */
  usedBy?: string[];
}

export interface CertificateSummary {
  /** SHA-1 thumbprint in upper-case hex, as Entra's Certificates & secrets shows it. */
  thumbprint: string;
  /** Base64url SHA-256 thumbprint, the `x5t#S256` of signed client assertions. */
  thumbprintSha256: string;
  subject: string;
  notBefore: string;
  notAfter: string;
}

export const credentialIdSchema = z.strictObject({
  id: z.string().check(z.regex(ID, `Invalid string: must match pattern ${String(ID)}`)),
});
