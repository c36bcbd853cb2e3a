import { CredentialValidationError } from '../../../credentials/errors';
import { GoogleKeyError } from '../errors';
import { readServiceAccountKey, type ServiceAccountKey } from '../service-account-key';

/*
 * Loaded on first use (plan-google-save.ts, through providers/google-credential-save.ts): reading a key proves it can
 * sign, with jose, which no function should load when it starts.
 */

/**
 * The uploaded key file, checked (JSON, a service account's, a PKCS#8 key that can sign), or undefined when none was
 * sent. A refused file becomes a field error with the key check's message, which names the field and never quotes
 * the key.
 */
export const readUploadedKey = async (text: string | undefined): Promise<ServiceAccountKey | undefined> => {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return await readServiceAccountKey(text);
  } catch (error) {
    if (error instanceof GoogleKeyError) throw new CredentialValidationError({ serviceAccountKey: error.message });
    throw error;
  }
};
