import { isGoogleCredential } from '../credentials/credential-provider';
import type { ConnectionDiagnoses } from '../credentials/diagnosis/connection-diagnosis';
import { microsoftDiagnosis } from './microsoft/diagnosis/microsoft-diagnosis';

/**
 * Test connection's checklist for a stored credential, by its mail service. Google's (jose to sign, the Gmail client)
 * is a chunk of its own, loaded only to test a Google credential.
 */
export const connectionDiagnoses: ConnectionDiagnoses = async (credential) => {
  if (!isGoogleCredential(credential)) return microsoftDiagnosis;
  const { googleDiagnosis } = await import(
    /* webpackChunkName: "google-connection-test" */ './google/diagnosis/test-google'
  );
  return googleDiagnosis;
};
