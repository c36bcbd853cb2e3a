import * as z from 'zod/mini';

import { authorizationEndpointProblem, AUTHORIZE_REQUIRED_MESSAGE } from './authorization-endpoint-rules';
import type { ConnectionTestResult } from './credential-health';
import {
  CERTIFICATE_PEM_MESSAGE,
  CERTIFICATE_REQUIRED_MESSAGE,
  CERTIFICATE_WITH_SECRET_MESSAGE,
  certificatePemProblem,
  graphBaseUrlProblem,
  GUID,
  looksLikeSecretId,
  NEXT_SECRET_AND_REMOVE_MESSAGE,
  NEXT_SECRET_SAME_MESSAGE,
  PRIVATE_KEY_PEM_MESSAGE,
  PRIVATE_KEY_REQUIRED_MESSAGE,
  privateKeyPemProblem,
  scopeProblem,
  scopeRequiredMessage,
  SECRET_ID_MESSAGE,
  SECRET_REQUIRED_MESSAGE,
  SECRET_TOO_LONG_MESSAGE,
  SECRET_WITH_CERTIFICATE_MESSAGE,
  tokenEndpointProblem,
} from './credential-input-rules';
import {
  CLIENT_AUTH_METHODS,
  type ClientAuthMethod,
  CREDENTIAL_ID_PATTERN,
  type CredentialProvider,
  GRANT_TYPES,
  type StoredGrantType,
} from './credential-kinds';
import type { ServiceAccountSummary } from './google-workspace';
import { MICROSOFT_CLOUD_KEYS, MICROSOFT_CLOUDS, type MicrosoftCloud } from './microsoft-clouds';

export type { ConnectionTestResult } from './credential-health';
export {
  CLIENT_AUTH_METHODS,
  type ClientAuthMethod,
  CREDENTIAL_ID_PATTERN,
  CREDENTIAL_PROVIDERS,
  type CredentialProvider,
  GRANT_TYPES,
  isMicrosoftProvider,
  STORED_GRANT_TYPES,
  type StoredGrantType,
} from './credential-kinds';

/** What the admin page sends and the backend validates: one schema for both sides. */
export const OAUTH2_PROVIDERS = MICROSOFT_CLOUD_KEYS;
export const DEFAULT_SCOPE = MICROSOFT_CLOUDS.microsoft365.scope;
export const DEFAULT_GRAPH_BASE_URL = MICROSOFT_CLOUDS.microsoft365.graphBaseUrl;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Credential ids as the app makes them (credential-kinds.ts). */
const ID = CREDENTIAL_ID_PATTERN;
const MAX_PEM = 20_000;

/**
 * zod/mini carries no locale: a check without wording of its own states the message zod's classic build gave it,
 * so the form and the resolver still say what they said before.
 */
const tooLong = (max: number) => z.maxLength(max, `Too big: expected string to have <=${max} characters`);

/** Trimmed first, then at most `max` characters, then the field's own checks: the order the messages depend on. */
const trimmed = (max: number, ...checks: Array<z.core.$ZodCheck<string>>) =>
  z.string().check(z.trim(), tooLong(max), ...checks);

/** A real calendar date as YYYY-MM-DD, or '' meaning none. */
const isCalendarDate = (value: string): boolean => {
  if (!DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

const expiryDate = () =>
  z.union([
    z.optional(z.string().check(z.refine(isCalendarDate, 'Enter the date as YYYY-MM-DD.'))),
    z.pipe(
      z.literal(''),
      z.transform(() => undefined),
    ),
  ]);

/** Write-only secret values: never answered, never logged. Absent or empty keeps what is stored. */
const secretValue = () =>
  z.optional(
    z.string().check(
      z.maxLength(1024, SECRET_TOO_LONG_MESSAGE),
      z.refine((value) => !looksLikeSecretId(value), SECRET_ID_MESSAGE),
    ),
  );

const pem = (problem: (value: string) => string | undefined, message: string) =>
  z.optional(
    z.string().check(
      z.maxLength(MAX_PEM, message),
      z.refine((value) => problem(value) === undefined, { error: (issue) => problem(String(issue.input)) ?? message }),
    ),
  );

const fields = {
  /** Absent when creating. */
  id: z.optional(z.string().check(z.regex(ID, 'Unknown credential id.'))),
  name: trimmed(80, z.minLength(1, 'Enter a name, for example "Support mailbox".')),
  /** The Microsoft cloud: it decides the sign-in and Graph hosts the addresses below must use. */
  provider: z.enum(MICROSOFT_CLOUD_KEYS, { error: 'Choose an OAuth2 service provider.' }),
  grantType: z.enum(GRANT_TYPES, { error: 'Choose a grant type.' }),
  clientAuthMethod: z._default(
    z.enum(CLIENT_AUTH_METHODS, { error: 'Choose how the app proves who it is: client secret or certificate.' }),
    'client_secret',
  ),
  clientId: trimmed(
    64,
    z.regex(GUID, "Enter the Application (client) ID from the app registration's Overview page (a GUID)."),
  ),
  /** Write-only. Required when creating a client secret credential; when editing, absent or empty keeps the stored secret. */
  clientSecret: secretValue(),
  /** The "Expires" date Entra shows beside the secret, YYYY-MM-DD. */
  secretExpiresOn: expiryDate(),
  /** Write-only. A second secret, tried when Microsoft refuses the current one as invalid or expired. */
  nextClientSecret: secretValue(),
  nextSecretExpiresOn: expiryDate(),
  /** Drops the stored next secret. */
  removeNextSecret: z.optional(z.boolean({ error: 'Invalid input: expected boolean' })),
  /** The certificate uploaded to the app registration, PEM. Required when creating a certificate credential. */
  certificatePem: pem(certificatePemProblem, CERTIFICATE_PEM_MESSAGE),
  /** Write-only. The certificate's private key, PEM (PKCS#8 or PKCS#1), without a passphrase. */
  privateKeyPem: pem(privateKeyPemProblem, PRIVATE_KEY_PEM_MESSAGE),
  tokenEndpoint: trimmed(
    2048,
    z.url({ error: 'Enter the OAuth 2.0 token endpoint (v2) URL from Overview > Endpoints.' }),
  ),
  /**
   * Client credentials only (its one `/.default` scope). An authorization code credential asks for the delegated
   * permissions the app fixes, so the field may stay empty then (the rules between fields).
   */
  scope: trimmed(512),
  /**
   * Authorization code credentials: the v2 `/authorize` address, same host and tenant as the token endpoint.
   * Ignored (and not stored) for client credentials, so a form may keep it while the grant type is switched.
   */
  authorizationEndpoint: z.optional(trimmed(2048)),
  senderMailbox: trimmed(
    320,
    z.email({ error: 'Enter the mailbox the app sends from, for example support@contoso.com.' }),
  ),
  graphBaseUrl: trimmed(2048, z.url({ error: `Enter the Graph API base URL, usually ${DEFAULT_GRAPH_BASE_URL}.` })),
};

type CredentialFields = { [K in keyof typeof fields]?: unknown };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const filled = (value: unknown): boolean => text(value).trim() !== '';
const isUrl = (value: string): boolean => {
  try {
    return new URL(value).protocol !== '';
  } catch {
    return false;
  }
};
const isCloud = (value: unknown): value is MicrosoftCloud =>
  typeof value === 'string' && (MICROSOFT_CLOUD_KEYS as readonly string[]).includes(value);

/**
 * The rules between fields: the addresses must belong to the chosen cloud, and the write-only material must fit
 * the client authentication method. Runs even when another field failed, so every field's message shows at once.
 */
const crossFieldProblems = (input: CredentialFields): Array<[keyof typeof fields, string]> => {
  const problems: Array<[keyof typeof fields, string]> = [];
  const add = (field: keyof typeof fields, message: string | undefined) => {
    if (message !== undefined) problems.push([field, message]);
  };
  // An unknown cloud has its own message; the addresses are then judged against Microsoft 365.
  const cloud = isCloud(input.provider) ? input.provider : 'microsoft365';
  add('tokenEndpoint', tokenEndpointProblem(text(input.tokenEndpoint), cloud));
  add('graphBaseUrl', graphBaseUrlProblem(text(input.graphBaseUrl), cloud));
  if (input.grantType === 'authorization_code') {
    const endpoint = text(input.authorizationEndpoint).trim();
    add(
      'authorizationEndpoint',
      isUrl(endpoint)
        ? authorizationEndpointProblem(endpoint, cloud, text(input.tokenEndpoint).trim())
        : AUTHORIZE_REQUIRED_MESSAGE,
    );
  } else {
    add('scope', filled(input.scope) ? scopeProblem(text(input.scope), cloud) : scopeRequiredMessage(cloud));
  }

  const creating = input.id === undefined;
  if (input.clientAuthMethod === 'certificate') {
    if (filled(input.clientSecret)) add('clientSecret', SECRET_WITH_CERTIFICATE_MESSAGE);
    if (filled(input.nextClientSecret)) add('nextClientSecret', SECRET_WITH_CERTIFICATE_MESSAGE);
    if (creating && !filled(input.certificatePem)) add('certificatePem', CERTIFICATE_REQUIRED_MESSAGE);
    if (creating && !filled(input.privateKeyPem)) add('privateKeyPem', PRIVATE_KEY_REQUIRED_MESSAGE);
  } else if (input.clientAuthMethod === 'client_secret') {
    if (filled(input.certificatePem)) add('certificatePem', CERTIFICATE_WITH_SECRET_MESSAGE);
    if (filled(input.privateKeyPem)) add('privateKeyPem', CERTIFICATE_WITH_SECRET_MESSAGE);
    if (creating && !filled(input.clientSecret)) add('clientSecret', SECRET_REQUIRED_MESSAGE);
    if (filled(input.nextClientSecret)) {
      if (input.removeNextSecret === true) add('nextClientSecret', NEXT_SECRET_AND_REMOVE_MESSAGE);
      else if (text(input.nextClientSecret).trim() === text(input.clientSecret).trim()) {
        add('nextClientSecret', NEXT_SECRET_SAME_MESSAGE);
      }
    }
  }
  return problems;
};

export const credentialInputSchema = z.strictObject(fields).check(
  z.superRefine(
    (input, ctx) => {
      for (const [field, message] of crossFieldProblems(input)) {
        // A field that already failed its own checks keeps its first message.
        if (ctx.issues.some((issue) => issue.path?.[0] === field)) continue;
        ctx.addIssue({ code: 'custom', message, path: [field], input: (input as CredentialFields)[field] });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
  ),
);

export type CredentialInput = z.input<typeof credentialInputSchema>;
export type ParsedCredentialInput = z.output<typeof credentialInputSchema>;

/**
 * What the backend returns about a credential: never the secret, only whether one is set. A Google Workspace one
 * (`provider` 'google-workspace', `grantType` 'jwt_bearer') has `serviceAccount`; its `clientId` is the service
 * account's numeric client ID (what the Admin console's domain-wide delegation names), its `scope` the Gmail scopes
 * joined by spaces, its `tokenEndpoint` and `graphBaseUrl` Google's token endpoint and Gmail API address.
 */
export interface CredentialView {
  id: string;
  name: string;
  provider: CredentialProvider;
  grantType: StoredGrantType;
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
  /** Authorization code credentials: the v2 `/authorize` address the sign-in opens. */
  authorizationEndpoint?: string;
  /** Authorization code credentials: the mailbox an admin signed in with; absent until Authorize succeeded. */
  authorization?: CredentialAuthorization;
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
  /** Health from real traffic: the last send Microsoft 365 accepted and the last it refused. */
  traffic?: CredentialTraffic;
  /** Google Workspace: the service account whose key signs the token requests. */
  serviceAccount?: ServiceAccountSummary;
}

/** The mailbox an authorization code credential sends as: who signed in, and when. */
export interface CredentialAuthorization {
  /** The signed-in user's mail address (Graph `GET /me`: `mail`, else `userPrincipalName`). */
  mailbox: string;
  displayName?: string;
  authorizedAt: string;
  /** When the refresh token was last used: Microsoft lets one lapse after 90 days unused. */
  lastUsedAt?: string;
}

/** What the admin page needs to set up an authorization code credential. */
export interface AuthorizationSetup {
  /** This installation's `oauth-callback` web trigger URL: registered in Entra as a Web redirect URI. */
  redirectUri: string;
  /** The delegated permissions the sign-in asks for. */
  scopes: string[];
}

/** Where the admin's browser goes to sign in: a new window, which the web trigger closes. */
export interface BegunAuthorizationView {
  url: string;
  /** The sign-in must end by then (ISO). */
  expiresAt: string;
}

/** What the outbox last heard from Microsoft 365 about emails sent with a credential. */
export interface CredentialTraffic {
  lastAccepted?: { at: string };
  /** `code` is stable (e.g. GRAPH_MAILBOX_NOT_FOUND); `message` is short and safe to show. */
  lastRefused?: { at: string; code: string; message: string };
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

/** The field schemas and the rules between fields, for payloads that carry some of a credential's fields. */
export { crossFieldProblems as credentialCrossFieldProblems, fields as credentialFieldSchemas };
