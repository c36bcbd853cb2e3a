import { IncomingMailboxError } from '../../../../../src/mail-model/incoming-errors';
import { GmailError, GmailErrorCode } from '../../../../../src/providers/google/gmail/gmail-errors';
import type { GmailInboundAttachment } from '../../../../../src/providers/google/gmail/gmail-inbound';
import type { GmailInboundMailbox } from '../../../../../src/providers/google/gmail/gmail-inbound-mailbox';
import type { GmailRawMessage } from '../../../../../src/providers/google/gmail/gmail-messages';
import { gmailProcessMailbox } from '../../../../../src/providers/google/incoming/gmail-process-mailbox';
import { inboundMessage } from '../../../incoming/process/process-world';

const RECEIPT = { requestId: undefined };
const LOG: GmailInboundAttachment = {
  id: '0',
  kind: 'file',
  name: 'log.txt',
  contentType: 'text/plain',
  size: 7,
  isInline: false,
  contentId: undefined,
  bytes: new TextEncoder().encode('line 1\n'),
};
const RAW: GmailRawMessage = {
  id: 'g-1',
  threadId: 't-1',
  labelIds: ['INBOX', 'UNREAD'],
  historyId: '1003',
  internalDate: 0,
  sizeEstimate: 100,
  raw: new Uint8Array(),
};

const notFound = () => new GmailError(GmailErrorCode.NotFound, 'GET messages/g-1 answered 404.', { status: 404 });

/** A Gmail mailbox with one message, whose reads fail with `failure` when given; its reads and label changes noted. */
const fakeGmail = (failure?: () => GmailError) => {
  const calls: string[] = [];
  const gmail: GmailInboundMailbox = {
    mailbox: 'support@example-google.test',
    findLabel: async () => undefined,
    ensureLabel: async (name) => {
      calls.push(`ensureLabel ${name}`);
      return { label: { id: 'Label_9', name, type: 'user' }, created: true };
    },
    currentHistoryId: async () => '1003',
    listHistory: async () => ({ messageIds: [], historyId: '1003', pages: 1 }),
    readMessage: async (id) => {
      calls.push(`readMessage ${id}`);
      if (failure !== undefined) throw failure();
      return { message: inboundMessage({ id }), attachments: [LOG], gmail: RAW };
    },
    markRead: async (id) => {
      calls.push(`markRead ${id}`);
      if (failure !== undefined) throw failure();
      return { id, labelIds: ['INBOX'] };
    },
    moveToLabel: async (id, from, to) => {
      calls.push(`moveToLabel ${id} ${from} ${to}`);
      return { id, labelIds: [to] };
    },
    findByMessageId: async () => [],
  };
  return { calls, mailbox: gmailProcessMailbox(gmail, 'INBOX') };
};

const readAll = async (pieces: AsyncIterable<Uint8Array>): Promise<string> => {
  let text = '';
  for await (const piece of pieces) text += new TextDecoder().decode(piece);
  return text;
};

describe('gmailProcessMailbox', () => {
  it('serves the attachments from the one raw read, without their bytes in the list', async () => {
    const { calls, mailbox } = fakeGmail();
    expect((await mailbox.readMessage('g-1')).receipt).toEqual(RECEIPT);
    const { bytes: _bytes, ...listed } = LOG;
    expect(await mailbox.listAttachments('g-1')).toEqual({ attachments: [listed] });
    const content = await mailbox.openAttachment('g-1', '0', { maxBytes: 7 });
    expect([content.contentType, content.size, await readAll(content.pieces)]).toEqual(['text/plain', 7, 'line 1\n']);
    expect(calls).toEqual(['readMessage g-1']);
  });

  it.each([
    [
      'an attachment the message does not have',
      '5',
      100,
      'GRAPH_ITEM_GONE',
      'The attachment is no longer in the message.',
    ],
    ['one over the limit', '0', 6, 'GRAPH_ATTACHMENT_TOO_LARGE', 'The attachment has 7 bytes, over the limit of 6.'],
  ])('refuses %s as Graph refuses it', async (_name, id, maxBytes, code, message) => {
    const { mailbox } = fakeGmail();
    const error = await mailbox.openAttachment('g-1', id, { maxBytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncomingMailboxError);
    expect(error).toMatchObject({ code, message, item: 'attachment' });
  });

  it('reads a message Gmail no longer has as gone, as processing reads Graph 404', async () => {
    const { mailbox } = fakeGmail(notFound);
    for (const call of [() => mailbox.readMessage('g-1'), () => mailbox.markRead('g-1')]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IncomingMailboxError);
      expect(error).toMatchObject({
        code: 'GRAPH_ITEM_GONE',
        message: 'The message is no longer in the mailbox.',
        item: 'message',
      });
    }
  });

  it.each([
    [GmailErrorCode.RateLimited, 429, 30, 'passing'],
    [GmailErrorCode.Unavailable, 503, undefined, 'passing'],
    [GmailErrorCode.Timeout, undefined, undefined, 'passing'],
    [GmailErrorCode.Unreachable, undefined, undefined, 'passing'],
  ])(
    'reads %s as passing, so the message is tried again (Retry-After %s s kept)',
    async (code, status, retryAfterSeconds, kind) => {
      const cause = new GmailError(code, `GET messages/g-1 failed (${code}).`, {
        ...(status === undefined ? {} : { status }),
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      });
      const { mailbox } = fakeGmail(() => cause);
      const error = await mailbox.readMessage('g-1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IncomingMailboxError);
      expect(error).toMatchObject({ code, kind, retryAfterSeconds, message: cause.message, cause });
    },
  );

  it('lets any other Gmail refusal through as it is, to be recorded with its code', async () => {
    const cause = new GmailError(GmailErrorCode.Forbidden, 'GET messages/g-1 answered 403.', { status: 403 });
    const { mailbox } = fakeGmail(() => cause);
    expect(await mailbox.readMessage('g-1').catch((e: unknown) => e)).toBe(cause);
  });

  it('marks read, and "moves" by the processed label on and the read label off', async () => {
    const { calls, mailbox } = fakeGmail();
    await mailbox.markRead('g-1');
    const folder = await mailbox.ensureProcessedFolder('Processed by Issue Mailer');
    expect(folder).toEqual({ id: 'Label_9' });
    await mailbox.moveMessage('g-1', folder.id);
    expect(calls).toEqual(['markRead g-1', 'ensureLabel Processed by Issue Mailer', 'moveToLabel g-1 INBOX Label_9']);
  });
});
