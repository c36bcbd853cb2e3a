import type { StoredCredential } from '../../../credentials/stored-credential';
import type { IncomingConnection } from '../../../incoming/connection/incoming-connection';
import type { ProcessMailbox } from '../../../incoming/process/ports';
import type { GraphMailSenderDeps } from '../delivery/graph-mail-sender';
import type { ConnectionDeps } from './connection/connection-deps';
import { graphConnection } from './connection/graph-connection';
import { graphProcessMailbox } from './graph-process-mailbox';
import { createInboundMailboxOpener } from './open-inbound-mailbox';

/** What a handler's connection through Graph needs besides its mailbox: the app's records and the web trigger. */
export type GraphConnectionParts = Omit<ConnectionDeps, 'mailbox'>;

/** Incoming mail through Microsoft Graph with a credential: the mailbox processing reads, and the connection. */
export const graphIncoming = (deps: GraphMailSenderDeps) => {
  const open = createInboundMailboxOpener(deps);
  return {
    processMailbox: (credential: StoredCredential, mailbox: string): ProcessMailbox =>
      graphProcessMailbox(open(credential, mailbox)),
    connection: (credential: StoredCredential, mailbox: string, parts: GraphConnectionParts): IncomingConnection =>
      graphConnection({ ...parts, mailbox: open(credential, mailbox) }),
  };
};
