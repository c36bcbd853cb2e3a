/**
 * The usual way to send mail from Node with app credentials: MSAL for the client credentials grant and the
 * Microsoft Graph JavaScript client for sendMail. Only bundled and loaded by the benchmark, as the yardstick
 * for the size and load time of our own backend bundle.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';

export interface PeerMail {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  mailbox: string;
  to: string;
  subject: string;
  html: string;
}

export const sendWithPeer = async (mail: PeerMail): Promise<void> => {
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: mail.clientId,
      clientSecret: mail.clientSecret,
      authority: `https://login.microsoftonline.com/${mail.tenantId}`,
    },
  });
  const client = Client.init({
    authProvider: (done) => {
      msal
        .acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
        .then((result) => done(null, result?.accessToken ?? null))
        .catch((error: Error) => done(error, null));
    },
  });
  await client.api(`/users/${encodeURIComponent(mail.mailbox)}/sendMail`).post({
    message: {
      subject: mail.subject,
      body: { contentType: 'HTML', content: mail.html },
      toRecipients: [{ emailAddress: { address: mail.to } }],
    },
  });
};
