import { type ConnectionValues, connectionValuesSchema, type CredentialInput } from '../../../../src/contract';
import type { FieldErrors } from '../../../shared/field-errors';

/** The fields a connection test uses; errors on the others (name, next secret) do not stop a test. */
const CONNECTION_FIELDS = [
  'provider',
  'grantType',
  'clientAuthMethod',
  'clientId',
  'clientSecret',
  'certificatePem',
  'privateKeyPem',
  'tokenEndpoint',
  'scope',
  'senderMailbox',
  'graphBaseUrl',
] as const satisfies ReadonlyArray<keyof ConnectionValues>;

/**
 * What Test connection sends for the edit form: the connection's fields as the admin sees them, a pasted secret
 * or key included (the backend uses it for the token request only). The typed expiry date goes along when it is a
 * date, so the diagnosis can say whether Microsoft agrees with it.
 */
export const connectionValuesOf = (input: CredentialInput): ConnectionValues => {
  const values: Record<string, unknown> = {};
  for (const field of CONNECTION_FIELDS) if (input[field] !== undefined) values[field] = input[field];
  if (input.secretExpiresOn && connectionValuesSchema.shape.secretExpiresOn.safeParse(input.secretExpiresOn).success) {
    values['secretExpiresOn'] = input.secretExpiresOn;
  }
  return values as ConnectionValues;
};

/** The form's errors that would make the test meaningless: only those on the fields it sends. */
export const connectionErrors = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors).filter(([field]) => (CONNECTION_FIELDS as readonly string[]).includes(field)),
  );
