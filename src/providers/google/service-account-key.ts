import { importPKCS8 } from 'jose';

import { GoogleKeyError, GoogleKeyErrorCode } from './errors';

/*
 * The JSON key file Google Cloud downloads for a service account ("Google Credentials File" format):
 * https://cloud.google.com/iam/docs/keys-create-delete and
 * https://developers.google.com/identity/protocols/oauth2/service-account#creatinganaccount .
 * `private_key` is a PKCS#8 PEM (RSA 2048 by default) and is the only copy: Google keeps just the public key.
 */

/** What may be stored and shown plainly: it identifies the service account and its key, and proves nothing. */
export interface ServiceAccountPublicPart {
  clientEmail: string;
  /** The numeric "Client ID" an admin pastes into the Admin console's Domain-wide delegation page. */
  clientId: string;
  /** The key's id: the JWT header's `kid`. */
  privateKeyId: string;
  projectId: string | undefined;
}

export interface ServiceAccountKey {
  publicPart: ServiceAccountPublicPart;
  /** For secret storage only, write-only like a client secret. PKCS#8 PEM, trimmed, ending in one newline. */
  privateKeyPem: string;
}

/** A key file is about 2.3 KB; anything far bigger is not one. */
export const MAX_KEY_FILE_CHARS = 16 * 1024;

const PKCS8_BEGIN = '-----BEGIN PRIVATE KEY-----';
const PKCS8_END = '-----END PRIVATE KEY-----';
const OTHER_PEM = /^-----BEGIN ([A-Z0-9 ]{1,40})-----/;
// Service accounts live under gserviceaccount.com (user-managed: <name>@<project>.iam.gserviceaccount.com).
const CLIENT_EMAIL = /^[a-z0-9][a-z0-9._-]{0,99}@[a-z0-9.-]{1,200}\.gserviceaccount\.com$/;
const CLIENT_ID = /^\d{6,32}$/;
const PRIVATE_KEY_ID = /^[0-9a-f]{40}$/i;
const PROJECT_ID = /^[a-z][a-z0-9-]{0,62}$/;
const GOOGLE_UNIVERSE = 'googleapis.com';

const missing = (field: string): GoogleKeyError =>
  new GoogleKeyError(
    GoogleKeyErrorCode.FieldMissing,
    `The service account key has no "${field}": use the JSON key file exactly as Google Cloud downloaded it.`,
    { field },
  );

const invalid = (field: string, problem: string): GoogleKeyError =>
  new GoogleKeyError(GoogleKeyErrorCode.FieldInvalid, `The service account key's "${field}" ${problem}`, { field });

const requiredString = (json: Record<string, unknown>, field: string): string => {
  const value = json[field];
  if (value === undefined || value === null || value === '') throw missing(field);
  if (typeof value !== 'string') throw invalid(field, 'must be a string.');
  return value.trim();
};

const optionalString = (json: Record<string, unknown>, field: string): string | undefined => {
  const value = json[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(field, 'must be a string.');
  return value.trim();
};

const parseJson = (text: string): Record<string, unknown> => {
  if (text.length > MAX_KEY_FILE_CHARS) {
    throw new GoogleKeyError(
      GoogleKeyErrorCode.TooLarge,
      `The service account key is ${text.length} characters; a JSON key file has at most ${MAX_KEY_FILE_CHARS}.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse's message quotes the text around the error, which may be the private key: only the cause keeps it.
    throw new GoogleKeyError(
      GoogleKeyErrorCode.NotJson,
      'The service account key is not JSON: paste or upload the whole JSON key file.',
      { cause: error },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GoogleKeyError(GoogleKeyErrorCode.NotJson, 'The service account key must be a JSON object.');
  }
  return value as Record<string, unknown>;
};

const checkType = (json: Record<string, unknown>): void => {
  const type = json['type'];
  if (type === 'service_account') return;
  const shown = typeof type === 'string' && /^[a-z_]{1,40}$/.test(type) ? `"${type}"` : 'missing or not a word';
  throw new GoogleKeyError(
    GoogleKeyErrorCode.NotServiceAccount,
    `The key's "type" is ${shown}, not "service_account": create a JSON key for a service account in Google ` +
      'Cloud console (IAM & Admin > Service Accounts > Keys).',
    { field: 'type' },
  );
};

/** The private key's PEM, trimmed (jose wants it to start with the BEGIN line), checked to be PKCS#8. */
const privateKeyPem = (json: Record<string, unknown>): string => {
  const pem = requiredString(json, 'private_key');
  if (pem.startsWith(PKCS8_BEGIN) && pem.endsWith(PKCS8_END)) return `${pem}\n`;
  const other = OTHER_PEM.exec(pem)?.[1];
  throw new GoogleKeyError(
    GoogleKeyErrorCode.NotPkcs8,
    other === undefined
      ? 'The service account key\'s "private_key" is not a PEM private key.'
      : `The service account key's "private_key" is a PEM "${other}", not the PKCS#8 "PRIVATE KEY" Google issues.`,
    { field: 'private_key' },
  );
};

const matching = (json: Record<string, unknown>, field: string, pattern: RegExp, shape: string): string => {
  const value = requiredString(json, field);
  if (!pattern.test(value)) throw invalid(field, `must be ${shape}.`);
  return value;
};

/**
 * Checks a pasted or uploaded JSON key and splits it into what may be shown and what must stay secret. Fields we
 * do not use (auth_uri, token_uri, the cert URLs) are ignored: the token endpoint is never taken from the file, so
 * a crafted key cannot send our signed assertions elsewhere.
 */
export const parseServiceAccountKey = (text: string): ServiceAccountKey => {
  const json = parseJson(text);
  checkType(json);
  const universe = optionalString(json, 'universe_domain');
  if (universe !== undefined && universe !== GOOGLE_UNIVERSE) {
    throw new GoogleKeyError(
      GoogleKeyErrorCode.OtherUniverse,
      `The service account key's "universe_domain" is not "${GOOGLE_UNIVERSE}": keys of other universes use ` +
        'other endpoints, which Issue Mailer does not support.',
      { field: 'universe_domain' },
    );
  }
  const projectId = optionalString(json, 'project_id');
  if (projectId !== undefined && !PROJECT_ID.test(projectId)) {
    throw invalid('project_id', 'must be a Google Cloud project ID (lower-case letters, digits and hyphens).');
  }
  return {
    publicPart: {
      clientEmail: matching(json, 'client_email', CLIENT_EMAIL, "a service account's email (…gserviceaccount.com)"),
      clientId: matching(json, 'client_id', CLIENT_ID, 'the numeric client ID'),
      privateKeyId: matching(json, 'private_key_id', PRIVATE_KEY_ID, 'the key ID: 40 hexadecimal digits'),
      projectId,
    },
    privateKeyPem: privateKeyPem(json),
  };
};

/** The private key ready to sign RS256 (https://github.com/panva/jose/blob/main/docs/key/import/functions/importPKCS8.md). */
export const importServiceAccountPrivateKey = async (pem: string): Promise<CryptoKey> => {
  try {
    return await importPKCS8(pem.trim(), 'RS256');
  } catch (error) {
    throw new GoogleKeyError(
      GoogleKeyErrorCode.PrivateKeyUnreadable,
      'The service account key\'s "private_key" cannot be read as an RSA private key: download a new JSON key.',
      { field: 'private_key', cause: error },
    );
  }
};

/** parseServiceAccountKey, then proves the private key can sign: what the credential form runs before saving. */
export const readServiceAccountKey = async (text: string): Promise<ServiceAccountKey> => {
  const key = parseServiceAccountKey(text);
  await importServiceAccountPrivateKey(key.privateKeyPem);
  return key;
};
