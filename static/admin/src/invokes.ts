import type { AdminFunctions, CredentialInput } from '../../../src/contract';
import { createTypedInvoke } from '../../shared/typed-invoke';

/** Every call the admin page makes to `admin-resolver`. */
const call = createTypedInvoke<AdminFunctions>();

export const listCredentials = () => call('listCredentials', {});
export const saveCredential = (input: CredentialInput) => call('saveCredential', input);
export const deleteCredential = (id: string) => call('deleteCredential', { id });
export const testConnection = (id: string) => call('testConnection', { id });
