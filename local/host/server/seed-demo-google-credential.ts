import type { CredentialView, GoogleCredentialInput } from '../../../src/contract';
import type { GoogleEmulator } from '../../google';
import { loadDemoKeys } from '../../google/demo-keys';
import { adminResolverInvoker, type SeedDeps, type SeedOutcome } from './seed-demo-credential';

export const DEMO_GOOGLE_CREDENTIAL_NAME = 'Example support (Google emulator)';

export interface GoogleSeedDeps extends Omit<SeedDeps, 'microsoft'> {
  google: GoogleEmulator;
}

/**
 * Beside the Microsoft one, on a fresh data folder: a Google Workspace credential made from the emulated workspace's
 * demo key file (the one its Admin console page offers for download), sending as the first active user whose domain-
 * wide delegation allows both Gmail scopes. Saved through the admin resolver like the admin page would; the key is
 * never printed. Not the default: the Microsoft one stays what "Email this issue" sends through.
 */
export const seedDemoGoogleCredential = async (deps: GoogleSeedDeps): Promise<SeedOutcome> => {
  const invoke = adminResolverInvoker(deps);
  const key = loadDemoKeys(deps.google.config)[0];
  const mailbox = deps.google.config.users.find((user) => !user.suspended)?.primaryEmail;
  if (invoke === undefined || key === undefined || mailbox === undefined) {
    deps.log('Demo Google credential not seeded: no admin resolver, demo key file or active Workspace user.');
    return 'skipped';
  }
  const listed = await invoke<CredentialView[]>('listCredentials', {});
  if (!listed.ok) {
    deps.log(`Demo Google credential not seeded: listCredentials answered ${listed.error.code}.`);
    return 'skipped';
  }
  if (listed.data.some((credential) => credential.name === DEMO_GOOGLE_CREDENTIAL_NAME)) return 'present';

  const input: GoogleCredentialInput = {
    name: DEMO_GOOGLE_CREDENTIAL_NAME,
    provider: 'google-workspace',
    serviceAccountKey: key.text,
    senderMailbox: mailbox,
    incomingMail: true,
  };
  const saved = await invoke<CredentialView>('saveGoogleCredential', input);
  if (!saved.ok) {
    const fields = Object.keys(saved.error.fieldErrors ?? {}).join(', ');
    deps.log(
      `Demo Google credential not seeded: saveGoogleCredential answered ${saved.error.code}${fields ? ` (${fields})` : ''}.`,
    );
    return 'skipped';
  }
  deps.log(
    `Seeded the demo Google credential "${saved.data.name}" (client ID ${saved.data.clientId}, sender ${saved.data.senderMailbox}).`,
  );
  return 'seeded';
};
