import type {
  AttachmentKind,
  IncomingAttachment,
  IncomingMessage,
  MailAddress,
  MessageBody,
} from '../../../mail-model/incoming-message';
import { GraphError, GraphErrorCode } from './errors';
import { describeCall, type GraphClientDeps, graphJson, type GraphReceipt } from './graph-request';
import type { AttachmentData, AttachmentListData, InboundMessageData, RecipientData } from './inbound-answer-schemas';
import { readAttachmentList, readInboundMessageAnswer } from './inbound-answers';
import { goneAs } from './inbound-errors';
import {
  followableLink,
  type InboundReceipt,
  mailboxUrl,
  odataQuery,
  preferHeaders,
  segment,
  withoutText,
} from './inbound-request';

export type { AttachmentKind, MailAddress, MessageBody } from '../../../mail-model/incoming-message';

/** The fields read for processing; `internetMessageHeaders` and `uniqueBody` come only when selected. */
export const MESSAGE_FIELDS = [
  'id',
  'internetMessageId',
  'conversationId',
  'subject',
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'replyTo',
  'receivedDateTime',
  'internetMessageHeaders',
  'body',
  'uniqueBody',
  'hasAttachments',
  'isRead',
] as const;

const toAddress = (recipient: RecipientData | undefined): MailAddress | undefined =>
  recipient?.emailAddress === undefined
    ? undefined
    : { name: recipient.emailAddress.name ?? undefined, address: recipient.emailAddress.address ?? undefined };

const toAddresses = (recipients: RecipientData[] | null | undefined): MailAddress[] =>
  (recipients ?? []).map(toAddress).filter((address): address is MailAddress => address !== undefined);

const toBody = (body: { contentType: string; content: string } | undefined): MessageBody | undefined =>
  body === undefined
    ? undefined
    : { contentType: body.contentType.toLowerCase() === 'text' ? 'text' : 'html', content: body.content };

const toMessage = (data: InboundMessageData): IncomingMessage => ({
  id: data.id,
  internetMessageId: data.internetMessageId ?? undefined,
  conversationId: data.conversationId ?? undefined,
  subject: data.subject ?? undefined,
  from: toAddress(data.from),
  sender: toAddress(data.sender),
  toRecipients: toAddresses(data.toRecipients),
  ccRecipients: toAddresses(data.ccRecipients),
  replyTo: toAddresses(data.replyTo),
  receivedDateTime: data.receivedDateTime ?? undefined,
  internetMessageHeaders: data.internetMessageHeaders ?? [],
  body: toBody(data.body),
  uniqueBody: toBody(data.uniqueBody),
  hasAttachments: data.hasAttachments === true,
  isRead: data.isRead === true,
});

export const messageUrl = (deps: GraphClientDeps, mailbox: string, messageId: string): string =>
  `${mailboxUrl(deps, mailbox)}/messages/${segment(messageId)}`;

export interface ReadMessageOptions {
  /** `Prefer: outlook.body-content-type`; Graph's default is HTML (message-get). */
  bodyType?: 'html' | 'text';
}

/**
 * `GET /users/{mailbox}/messages/{id}?$select=…` (Mail.Read,
 * https://learn.microsoft.com/en-us/graph/api/message-get?view=graph-rest-1.0). The id from a notification may no
 * longer resolve (moved since: resourcedata page): a plain 404 is InboundGraphError GRAPH_ITEM_GONE (item
 * `message`), which the delta run and the Message-ID dedupe make harmless.
 */
export const readInboundMessage = (
  mailbox: string,
  messageId: string,
  deps: GraphClientDeps,
  options: ReadMessageOptions = {},
): Promise<{ message: IncomingMessage; receipt: InboundReceipt }> =>
  goneAs('message', async () => {
    const url = `${messageUrl(deps, mailbox, messageId)}${odataQuery({ $select: MESSAGE_FIELDS.join(',') })}`;
    const prefer = options.bodyType === undefined ? [] : [`outlook.body-content-type="${options.bodyType}"`];
    const { data, ...receipt } = await graphJson(
      { method: 'GET', url, expect: [200], headers: preferHeaders(...prefer) },
      readInboundMessageAnswer,
      deps,
    );
    return { message: toMessage(data), receipt: withoutText(receipt) };
  });

/**
 * Without bytes; `contentId` only through its type cast: a bare `contentId` in `$select` is a 400
 * RequestBroker--ParseUri, the property being fileAttachment's, not attachment's
 * (https://github.com/microsoftgraph/microsoft-graph-explorer-v4/issues/3916).
 */
export const ATTACHMENT_FIELDS = [
  'id',
  'name',
  'contentType',
  'size',
  'isInline',
  'microsoft.graph.fileAttachment/contentId',
] as const;

const KINDS: Readonly<Record<string, AttachmentKind>> = {
  '#microsoft.graph.fileattachment': 'file',
  '#microsoft.graph.itemattachment': 'item',
  '#microsoft.graph.referenceattachment': 'reference',
};

const toAttachment = (data: AttachmentData): IncomingAttachment => ({
  id: data.id,
  kind: KINDS[(data['@odata.type'] ?? '').toLowerCase()] ?? 'unknown',
  name: data.name ?? undefined,
  contentType: data.contentType ?? undefined,
  size: data.size ?? undefined,
  isInline: data.isInline === true,
  contentId: data.contentId?.replace(/^<(.*)>$/, '$1') ?? undefined,
});

/** A message has few attachments; more pages than this means a link loop. */
const MAX_ATTACHMENT_PAGES = 20;

/**
 * `GET /users/{mailbox}/messages/{id}/attachments?$select=…` (Mail.Read,
 * https://learn.microsoft.com/en-us/graph/api/message-list-attachments?view=graph-rest-1.0), following nextLinks:
 * the list without bytes (attachment-download.ts streams them). Inline images are in it; the message's
 * `hasAttachments` leaves them out. A plain 404 is GRAPH_ITEM_GONE (item `message`).
 */
export const listAttachments = (
  mailbox: string,
  messageId: string,
  deps: GraphClientDeps,
): Promise<{ attachments: IncomingAttachment[]; receipt: InboundReceipt }> =>
  goneAs('message', async () => {
    const attachments: IncomingAttachment[] = [];
    let url: string | undefined =
      `${messageUrl(deps, mailbox, messageId)}/attachments${odataQuery({ $select: ATTACHMENT_FIELDS.join(',') })}`;
    let first: InboundReceipt | undefined;
    for (let page = 0; url !== undefined; page += 1) {
      if (page === MAX_ATTACHMENT_PAGES)
        throw new GraphError(
          GraphErrorCode.ResponseInvalid,
          `${describeCall('GET', url)} not followed: over ${MAX_ATTACHMENT_PAGES} pages of attachments.`,
        );
      const answer: GraphReceipt & { data: AttachmentListData } = await graphJson(
        { method: 'GET', url, expect: [200], headers: preferHeaders() },
        readAttachmentList,
        deps,
      );
      const { data, ...receipt } = answer;
      first ??= withoutText(receipt);
      attachments.push(...data.value.map(toAttachment));
      const nextLink = data['@odata.nextLink'];
      url = nextLink === undefined ? undefined : followableLink(nextLink, deps);
    }
    return { attachments, receipt: first as InboundReceipt };
  });
