import * as z from 'zod/mini';

import { CREDENTIAL_ID_PATTERN } from './credential-kinds';
import { GOOGLE_WORKSPACE, SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE } from './google-workspace-kinds';

export {
  adminConsoleScopeList,
  GMAIL_MODIFY_SCOPE,
  GMAIL_SEND_SCOPE,
  GOOGLE_WORKSPACE,
  googleScopesFor,
  type GoogleWorkspace,
  JWT_BEARER_GRANT,
  SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE,
} from './google-workspace-kinds';

/*
 * The Google Workspace provider: a service account with domain-wide delegation, tokens by the JWT bearer grant
 * (https://developers.google.com/identity/protocols/oauth2/service-account), mail through the Gmail API. Its input
 * has a schema of its own (saveGoogleCredential): none of Microsoft's fields (tenant endpoints, secrets, Graph)
 * mean anything for it.
 */

/** A key file is about 2.3 KB; anything far bigger is not one. */
export const MAX_SERVICE_ACCOUNT_KEY_CHARS = 16 * 1024;

export const SERVICE_ACCOUNT_KEY_TOO_LARGE_MESSAGE =
  'This file is too large for a service account key: choose the JSON key file Google Cloud downloaded.';
export const GOOGLE_MAILBOX_MESSAGE =
  'Enter the Google Workspace mailbox the app sends as, for example support@example.com.';

/** The service account as the admin page shows it: public facts of the key file, never its private key. */
export interface ServiceAccountSummary {
  /** `client_email`: the JWT's issuer. */
  clientEmail: string;
  /** `private_key_id`: the key's id, as Google Cloud lists it under the service account's Keys. */
  privateKeyId: string;
  projectId?: string;
  /** When this key was uploaded. */
  keyUpdatedAt: string;
}

/** What the Google credential form sends. The numeric client ID comes from the key file. */
export const googleCredentialInputSchema = z
  .strictObject({
    /** Absent when creating. */
    id: z.optional(z.string().check(z.regex(CREDENTIAL_ID_PATTERN, 'Unknown credential id.'))),
    name: z
      .string()
      .check(
        z.trim(),
        z.maxLength(80, 'Too big: expected string to have <=80 characters'),
        z.minLength(1, 'Enter a name, for example "Support mailbox".'),
      ),
    provider: z.literal(GOOGLE_WORKSPACE, { error: 'Choose an OAuth2 service provider.' }),
    /**
     * Write-only: the JSON key file's text. Required when creating; when editing, absent or empty keeps the stored
     * key. Its private key goes to secret storage only; its public facts become `serviceAccount`.
     */
    serviceAccountKey: z.optional(
      z.string().check(z.maxLength(MAX_SERVICE_ACCOUNT_KEY_CHARS, SERVICE_ACCOUNT_KEY_TOO_LARGE_MESSAGE)),
    ),
    /** The mailbox the service account acts as (the JWT's `sub`). */
    senderMailbox: z
      .string()
      .check(
        z.trim(),
        z.maxLength(320, 'Too big: expected string to have <=320 characters'),
        z.email({ error: GOOGLE_MAILBOX_MESSAGE }),
      ),
    /** Also asks for `gmail.modify`, which mail handlers need to read the mailbox. */
    incomingMail: z._default(z.boolean({ error: 'Invalid input: expected boolean' }), false),
  })
  .check(
    z.superRefine(
      (input, ctx) => {
        if (input.id === undefined && (input.serviceAccountKey ?? '').trim() === '') {
          ctx.addIssue({
            code: 'custom',
            message: SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE,
            path: ['serviceAccountKey'],
            input: input.serviceAccountKey,
          });
        }
      },
      {
        when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
      },
    ),
  );

export type GoogleCredentialInput = z.input<typeof googleCredentialInputSchema>;
export type ParsedGoogleCredentialInput = z.output<typeof googleCredentialInputSchema>;
