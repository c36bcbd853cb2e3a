import type { PlanGoogleSave } from '../../../credentials/google-save-port';
import { planGoogleCredential } from './google-credential';
import { readUploadedKey } from './google-key-upload';

/** Credentials' port for saving a Google Workspace credential: the uploaded key read once, then the record planned. */
export const planGoogleSave: PlanGoogleSave = async (input) => {
  const key = await readUploadedKey(input.serviceAccountKey);
  return (current, at) => planGoogleCredential(input, current, key, at);
};
