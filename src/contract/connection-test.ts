import * as z from 'zod/mini';

import { credentialCrossFieldProblems, credentialFieldSchemas as fields, credentialIdSchema } from './credentials';

/**
 * What Test connection needs from the edit form to test what the admin sees: the connection's fields, as typed, and
 * a write-only secret or certificate pasted but not saved. The name and the next secret are left out: they decide
 * nothing about the connection, so a form Save refused for them can still be tested.
 */
export const connectionValuesSchema = z.strictObject({
  provider: fields.provider,
  grantType: fields.grantType,
  clientAuthMethod: fields.clientAuthMethod,
  clientId: fields.clientId,
  /** Write-only: used for the token request of this test only, never stored, logged or answered. */
  clientSecret: fields.clientSecret,
  /** The date typed on the form: the diagnosis says when Microsoft's answer contradicts it. */
  secretExpiresOn: fields.secretExpiresOn,
  /** Write-only, as clientSecret. */
  certificatePem: fields.certificatePem,
  privateKeyPem: fields.privateKeyPem,
  tokenEndpoint: fields.tokenEndpoint,
  scope: fields.scope,
  senderMailbox: fields.senderMailbox,
  graphBaseUrl: fields.graphBaseUrl,
});

export type ConnectionValues = z.input<typeof connectionValuesSchema>;
export type ParsedConnectionValues = z.output<typeof connectionValuesSchema>;

/**
 * The testConnection payload. Without `values` the saved credential is tested (the list row's Test button); with
 * them, the form's values, the saved secret or certificate standing in for any not pasted.
 */
export const testConnectionSchema = z
  .strictObject({
    id: credentialIdSchema.shape.id,
    sendTestEmail: z.optional(z.boolean()),
    values: z.optional(connectionValuesSchema),
  })
  .check(
    z.superRefine((payload, ctx) => {
      if (payload.values === undefined) return;
      // The same rules as Save, for an existing credential (the id says so: a secret may be left to the stored one).
      for (const [field, message] of credentialCrossFieldProblems({ ...payload.values, id: payload.id })) {
        ctx.addIssue({
          code: 'custom',
          message,
          path: ['values', field],
          input: payload.values[field as keyof ParsedConnectionValues],
        });
      }
    }),
  );

export type TestConnectionPayload = z.input<typeof testConnectionSchema>;
