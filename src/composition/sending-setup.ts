import type { SendingSetup } from '../mail/issue-email-ports';
import { createMailSettingsStore } from '../settings/mail-settings-store';
import type { SendSetupKv } from '../storage/send-setup';
import { buildCredentials } from './credentials';

/**
 * The Send path's credentials and mail settings from the `send-setup` copy: one kvs read, then the usual services
 * over it (the same default, the same lookups, the same settings checks as over the entries themselves).
 */
export const readSendingSetup = async (kv: SendSetupKv): Promise<SendingSetup> => {
  const setup = await kv.readSendSetup();
  return { credentials: buildCredentials(setup).service, settings: await createMailSettingsStore(setup).read() };
};
