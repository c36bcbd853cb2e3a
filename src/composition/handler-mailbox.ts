import type { CredentialService } from '../credentials/credential-service';
import type { CredentialStore } from '../credentials/credential-store';
import { createHandlerStateStore } from '../incoming/connection/handler-state';
import type { HandlerMailbox } from '../mail-handlers/handler-mailbox';
import { createHandlerMailbox as providerHandlerMailbox } from '../providers/handler-mailbox';
import { systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { appLog } from './app-log';
import { buildMailServiceDeps } from './mail-service';
import { buildWarnings } from './warnings';

/**
 * Mail handlers' mailboxes through the provider of the handler's credential (src/providers/handler-mailbox.ts),
 * its tokens cached and its refusals warned about as for sending. The subscription's state is the handler's
 * connection (src/incoming/connection).
 */
export const createHandlerMailbox = (
  kv: KvStore,
  credentials: { service: CredentialService; store: CredentialStore },
): HandlerMailbox =>
  providerHandlerMailbox({
    credentials: credentials.service,
    clients: buildMailServiceDeps(kv, credentials.service, buildWarnings(kv, credentials.store)),
    states: createHandlerStateStore(kv, appLog),
    now: systemClock,
  });
