import { isDelegated } from '../../../credentials/delegated-token';
import type { StoredCredential } from '../../../credentials/stored-credential';
import { credentialTokenProvider, type GraphMailSenderDeps } from '../delivery/graph-mail-sender';
import type { GraphClientDeps } from '../graph/graph-request';
import { type InboundMailbox, inboundMailbox } from '../graph/inbound-mailbox';

/**
 * A mailbox as incoming mail reads it (Mail.ReadWrite), with the credential's token wiring. A signed-in user's
 * token reaches that user's own mailbox, under `/me`; a handler naming another mailbox keeps `/users/{mailbox}`,
 * so Graph refuses it plainly (403) rather than `/me` quietly reading the signed-in user's mail instead
 * (https://learn.microsoft.com/en-us/graph/api/user-list-messages?view=graph-rest-1.0: `/me` is the signed-in user).
 */
export const createInboundMailboxOpener =
  (deps: GraphMailSenderDeps) =>
  (credential: StoredCredential, mailbox: string): InboundMailbox => {
    const own = credential.authorization?.mailbox.toLowerCase() === mailbox.toLowerCase();
    const client: GraphClientDeps = {
      fetch: deps.fetch,
      tokenProvider: credentialTokenProvider(credential, deps),
      graphBaseUrl: credential.graphBaseUrl,
      actingAs: isDelegated(credential) && own ? 'signed-in-user' : 'app',
      now: deps.now,
      ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
      ...(deps.retryPolicy === undefined ? {} : { retryPolicy: deps.retryPolicy }),
      ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
      ...(deps.env === undefined ? {} : { env: deps.env }),
    };
    return inboundMailbox(mailbox, client);
  };
