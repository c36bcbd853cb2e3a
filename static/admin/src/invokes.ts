import type { AdminFunctions, CredentialInput } from '../../../src/contract';
import { createTypedInvoke } from '../../shared/typed-invoke';

/** Every call the admin page makes to `admin-resolver`. */
const call = createTypedInvoke<AdminFunctions>();

export const listCredentials = () => call('listCredentials', {});
export const listWarnings = () => call('listWarnings', {});
export const saveCredential = (input: CredentialInput) => call('saveCredential', input);
export const deleteCredential = (id: string) => call('deleteCredential', { id });
export const setDefaultCredential = (id: string) => call('setDefaultCredential', { id });
/** The payload names `sendTestEmail` only when asked: the plain test is the one most admins run. */
export const testConnection = (id: string, sendTestEmail = false) =>
  call('testConnection', sendTestEmail ? { id, sendTestEmail } : { id });
