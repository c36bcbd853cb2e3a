import type { PlanGoogleSave } from '../credentials/google-save-port';

/**
 * Saving a Google Workspace credential: reading its key proves the key can sign, with jose, which no function should
 * load when it starts, so Google's part is a chunk of its own, loaded by the first save.
 */
export const planGoogleSave: PlanGoogleSave = async (input) => {
  const google = await import(/* webpackChunkName: "google-key-upload" */ './google/credentials/plan-google-save');
  return google.planGoogleSave(input);
};
