/** The credential the bench saves: the emulator tenant's consented app and its first enabled mailbox. */
import type { MicrosoftEmulatorConfig } from '../local/microsoft/types';

export interface BenchCredential {
  /** saveCredential's payload. */
  input: Record<string, string>;
  mailbox: string;
}

/** `graphBaseUrl` without /v1.0: the emulator's, or a counting proxy in front of it. */
export const benchCredential = (
  config: MicrosoftEmulatorConfig,
  loginBaseUrl: string,
  graphBaseUrl: string,
): BenchCredential => {
  const tenant = config.tenants[0];
  const app = tenant?.apps.find((a) => a.adminConsentGranted);
  const secret = app?.secrets.find((s) => Date.parse(s.expiresOn) > Date.now());
  const mailbox = tenant?.mailboxes.find((m) => m.mailboxEnabled);
  if (!tenant || !app || !secret || !mailbox) throw new Error('tenant.json has no consented app with a valid secret');
  return {
    mailbox: mailbox.userPrincipalName,
    input: {
      name: 'Benchmark',
      provider: 'microsoft365',
      grantType: 'client_credentials',
      clientId: app.clientId,
      clientSecret: secret.value,
      tokenEndpoint: `${loginBaseUrl}/${tenant.id}/oauth2/v2.0/token`,
      scope: 'https://graph.microsoft.com/.default',
      senderMailbox: mailbox.userPrincipalName,
      graphBaseUrl: `${graphBaseUrl}/v1.0`,
    },
  };
};
