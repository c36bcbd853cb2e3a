import { MAX_SERVICE_ACCOUNT_KEY_CHARS, SERVICE_ACCOUNT_KEY_TOO_LARGE_MESSAGE } from '../../../../../src/contract';

/*
 * The JSON key file Google Cloud downloads for a service account ("Google Credentials File" format, fields as in
 * https://cloud.google.com/iam/docs/keys-create-delete and
 * https://developers.google.com/identity/protocols/oauth2/service-account#creatinganaccount). The page reads only
 * its public facts, to show which service account and key the admin chose and the numeric Client ID the Admin
 * console's domain-wide delegation asks for; the server parses and checks the whole file again.
 */

/** What the key file says publicly: never its private key. */
export interface KeyFileSummary {
  clientEmail: string;
  clientId: string;
  privateKeyId: string;
  projectId?: string;
}

export type KeyFileReading = { ok: true; text: string; summary: KeyFileSummary } | { ok: false; message: string };

export const KEY_NOT_JSON_MESSAGE =
  'This file is not JSON: choose the JSON key file Google Cloud downloaded for the service account.';
export const KEY_NOT_SERVICE_ACCOUNT_MESSAGE =
  'This file is not a service account key (its "type" is not "service_account"): create a JSON key under IAM & Admin > Service accounts > Keys.';
export const keyFieldMissingMessage = (field: string) =>
  `This key file has no "${field}": use the JSON key file exactly as Google Cloud downloaded it.`;

/** The fields the server needs, in the order the page reports the first one missing. */
const REQUIRED_FIELDS = ['client_email', 'client_id', 'private_key_id', 'private_key'] as const;

const stringField = (json: Record<string, unknown>, field: string): string | undefined => {
  const value = json[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** The key file's public facts, or what is wrong with it, in words the field shows. The text is never quoted. */
export const summariseServiceAccountKey = (text: string): KeyFileReading => {
  if (text.length > MAX_SERVICE_ACCOUNT_KEY_CHARS) return { ok: false, message: SERVICE_ACCOUNT_KEY_TOO_LARGE_MESSAGE };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text near the error, which may be the private key: it is not shown.
    return { ok: false, message: KEY_NOT_JSON_MESSAGE };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, message: KEY_NOT_JSON_MESSAGE };
  const fields = json as Record<string, unknown>;
  if (fields['type'] !== 'service_account') return { ok: false, message: KEY_NOT_SERVICE_ACCOUNT_MESSAGE };
  const missing = REQUIRED_FIELDS.find((field) => stringField(fields, field) === undefined);
  if (missing) return { ok: false, message: keyFieldMissingMessage(missing) };
  const projectId = stringField(fields, 'project_id');
  return {
    ok: true,
    text,
    summary: {
      clientEmail: stringField(fields, 'client_email') ?? '',
      clientId: stringField(fields, 'client_id') ?? '',
      privateKeyId: stringField(fields, 'private_key_id') ?? '',
      ...(projectId === undefined ? {} : { projectId }),
    },
  };
};

const readText = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });

export const KEY_UNREADABLE_MESSAGE = 'This file could not be read: choose the key file again.';

/** Reads a chosen or dropped file; a file far bigger than any key is refused before it is read. */
export const readServiceAccountKeyFile = async (file: Blob): Promise<KeyFileReading> => {
  if (file.size > MAX_SERVICE_ACCOUNT_KEY_CHARS) return { ok: false, message: SERVICE_ACCOUNT_KEY_TOO_LARGE_MESSAGE };
  try {
    return summariseServiceAccountKey(await readText(file));
  } catch {
    return { ok: false, message: KEY_UNREADABLE_MESSAGE };
  }
};
