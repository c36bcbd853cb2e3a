import { z } from 'zod';

/** What the admin page sends and the backend validates: one schema for both sides. */
export const OAUTH2_PROVIDERS = ['microsoft365'] as const;
export const GRANT_TYPES = ['client_credentials'] as const;
export const DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const trimmed = (max: number) => z.string().trim().max(max);

export const credentialInputSchema = z
  .object({
    /** Absent when creating. */
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown credential id.').optional(),
    name: trimmed(80).min(1, 'Enter a name, for example "Support mailbox".'),
    provider: z.enum(OAUTH2_PROVIDERS, { message: 'Choose an OAuth2 service provider.' }),
    grantType: z.enum(GRANT_TYPES, { message: 'Choose a grant type.' }),
    clientId: trimmed(64).regex(GUID, 'Enter the Application (client) ID from the app registration\'s Overview page (a GUID).'),
    /** Write-only. Required when creating; when editing, absent or empty keeps the stored secret. */
    clientSecret: z.string().max(1024, 'That is too long for a client secret value.').optional(),
    tokenEndpoint: trimmed(2048).url('Enter the OAuth 2.0 token endpoint (v2) URL from Overview > Endpoints.'),
    scope: trimmed(512).min(1, `Enter the scope, usually ${DEFAULT_SCOPE}.`),
    senderMailbox: trimmed(320).email('Enter the mailbox the app sends from, for example support@contoso.com.'),
    graphBaseUrl: trimmed(2048).url(`Enter the Graph API base URL, usually ${DEFAULT_GRAPH_BASE_URL}.`),
    /** The "Expires" date Entra shows beside the secret, YYYY-MM-DD. */
    secretExpiresOn: z
      .string()
      .regex(DATE, 'Enter the date as YYYY-MM-DD.')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .strict();

export type CredentialInput = z.input<typeof credentialInputSchema>;
export type ParsedCredentialInput = z.output<typeof credentialInputSchema>;

export interface ConnectionTestResult {
  ok: boolean;
  /** 'OK' or an error code from the oauth/graph families. */
  code: string;
  message: string;
  testedAt: string;
}

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
}

export const credentialIdSchema = z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/) }).strict();
