import type { IncomingAttachment, IncomingMessage } from '../../../mail-model/incoming-message';
import { type AttachmentContent, type DownloadLimits, openInboundAttachment } from './attachment-download';
import type { GraphClientDeps } from './graph-request';
import { listAttachments, readInboundMessage, type ReadMessageOptions } from './inbound-message';
import type { InboundReceipt } from './inbound-request';
import { ensureChildFolder, findChildFolder, type MailFolder, readFolder } from './mail-folders';
import { markRead, moveMessage } from './message-actions';
import { type DeltaPage, type DeltaStart, followDelta, startDelta } from './message-delta';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  type GraphSubscription,
  type NewSubscription,
  reauthorizeSubscription,
  renewSubscription,
} from './subscriptions';

/**
 * One mailbox's incoming mail, as a use case calls it: every Graph call of the incoming side bound to the mailbox
 * and to the Graph client of the credential that may read it (its base URL, token provider and seams, as the
 * sending side builds them in src/delivery/graph-mail-sender.ts). Failures: GraphError (errors.ts) and
 * InboundGraphError (inbound-errors.ts).
 */
export interface InboundMailbox {
  readonly mailbox: string;
  readFolder: (folderId: string) => Promise<{ folder: MailFolder; receipt: InboundReceipt }>;
  findChildFolder: (parentFolderId: string, displayName: string) => Promise<MailFolder | undefined>;
  ensureChildFolder: (parentFolderId: string, displayName: string) => Promise<{ folder: MailFolder; created: boolean }>;
  createSubscription: (
    request: Omit<NewSubscription, 'mailbox'>,
  ) => Promise<{ subscription: GraphSubscription; receipt: InboundReceipt }>;
  renewSubscription: (
    subscriptionId: string,
    expirationDateTime: string,
  ) => Promise<{ subscription: GraphSubscription; receipt: InboundReceipt }>;
  reauthorizeSubscription: (subscriptionId: string) => Promise<InboundReceipt>;
  deleteSubscription: (
    subscriptionId: string,
  ) => Promise<{ outcome: 'deleted' | 'already-gone'; requestId: string | undefined }>;
  getSubscription: (subscriptionId: string) => Promise<GraphSubscription | undefined>;
  startDelta: (start: DeltaStart) => Promise<DeltaPage>;
  followDelta: (link: string, pageSize?: number) => Promise<DeltaPage>;
  readMessage: (
    messageId: string,
    options?: ReadMessageOptions,
  ) => Promise<{ message: IncomingMessage; receipt: InboundReceipt }>;
  listAttachments: (messageId: string) => Promise<{ attachments: IncomingAttachment[]; receipt: InboundReceipt }>;
  openAttachment: (messageId: string, attachmentId: string, limits: DownloadLimits) => Promise<AttachmentContent>;
  markRead: (messageId: string) => Promise<InboundReceipt>;
  moveMessage: (messageId: string, destinationFolderId: string) => Promise<{ id: string; receipt: InboundReceipt }>;
}

export const inboundMailbox = (mailbox: string, deps: GraphClientDeps): InboundMailbox => ({
  mailbox,
  readFolder: (folderId) => readFolder(mailbox, folderId, deps),
  findChildFolder: (parentFolderId, displayName) => findChildFolder(mailbox, parentFolderId, displayName, deps),
  ensureChildFolder: (parentFolderId, displayName) => ensureChildFolder(mailbox, parentFolderId, displayName, deps),
  createSubscription: (request) => createSubscription({ ...request, mailbox }, deps),
  renewSubscription: (subscriptionId, expirationDateTime) =>
    renewSubscription(subscriptionId, expirationDateTime, deps),
  reauthorizeSubscription: (subscriptionId) => reauthorizeSubscription(subscriptionId, deps),
  deleteSubscription: (subscriptionId) => deleteSubscription(subscriptionId, deps),
  getSubscription: (subscriptionId) => getSubscription(subscriptionId, deps),
  startDelta: (start) => startDelta(mailbox, start, deps),
  followDelta: (link, pageSize) => followDelta(link, deps, pageSize),
  readMessage: (messageId, options) => readInboundMessage(mailbox, messageId, deps, options),
  listAttachments: (messageId) => listAttachments(mailbox, messageId, deps),
  openAttachment: (messageId, attachmentId, limits) =>
    openInboundAttachment(mailbox, messageId, attachmentId, limits, deps),
  markRead: (messageId) => markRead(mailbox, messageId, deps),
  moveMessage: (messageId, destinationFolderId) => moveMessage(mailbox, messageId, destinationFolderId, deps),
});
