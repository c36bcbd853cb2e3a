import type { MailHandlerView } from '../../contract/mail-handlers';
import { sha256Hex } from '../../shared/sha256-hex';

/**
 * What a handler reads, as a short digest kept in its connection: a handler edited to read another credential's,
 * mailbox's or folder's mail no longer matches its connection, and the upkeep connects it again.
 */
export const connectionSource = (handler: Pick<MailHandlerView, 'credentialId' | 'mailbox' | 'folder'>): string =>
  sha256Hex(
    [handler.credentialId, (handler.mailbox ?? '').toLowerCase(), handler.folder.trim().toLowerCase()].join('\n'),
  ).slice(0, 32);
