import { IncomingMailboxError } from '../../../../../src/mail-model/incoming-errors';
import { GraphError, GraphErrorCode } from '../../../../../src/providers/microsoft/graph/errors';
import { InboundErrorCode, InboundGraphError } from '../../../../../src/providers/microsoft/graph/inbound-errors';
import {
  type GraphProcessCalls,
  graphProcessMailbox,
} from '../../../../../src/providers/microsoft/incoming/graph-process-mailbox';
import { asIncomingFailure } from '../../../../../src/providers/microsoft/incoming/incoming-failure';
import { inboundMessage } from '../../../incoming/process/process-world';

const RECEIPT = { status: 200, requestId: 'req-1', clientRequestId: 'c-1', attempts: 1 };

const refusing =
  (error: Error): (() => Promise<never>) =>
  () =>
    Promise.reject(error);

const graphCalls = (overrides: Partial<GraphProcessCalls> = {}): GraphProcessCalls & { calls: unknown[][] } => {
  const calls: unknown[][] = [];
  return {
    calls,
    mailbox: 'support@contoso.com',
    readMessage: async (id) => ({ message: inboundMessage({ id }), receipt: RECEIPT }),
    listAttachments: async () => ({ attachments: [], receipt: RECEIPT }),
    openAttachment: async () => ({
      contentType: 'text/plain',
      size: 2,
      pieces: (async function* () {
        yield new Uint8Array([1, 2]);
      })(),
      receipt: RECEIPT,
    }),
    markRead: async (id) => {
      calls.push(['markRead', id]);
      return RECEIPT;
    },
    moveMessage: async (id, folderId) => {
      calls.push(['moveMessage', id, folderId]);
      return { id, receipt: RECEIPT };
    },
    ensureChildFolder: async (parent, name) => {
      calls.push(['ensureChildFolder', parent, name]);
      const folder = { id: 'f-9', displayName: name, parentFolderId: parent, unreadItemCount: 0, totalItemCount: 0 };
      return { folder, created: true };
    },
    ...overrides,
  };
};

describe("the Microsoft provider's processing mailbox", () => {
  it("makes the processed folder at the mailbox's top (msgfolderroot), as the handler's Test does", async () => {
    const graph = graphCalls();
    const mailbox = graphProcessMailbox(graph);
    expect(await mailbox.ensureProcessedFolder('Processed by Issue Mailer')).toMatchObject({ id: 'f-9' });
    await mailbox.markRead('AAMk-1');
    await mailbox.moveMessage('AAMk-1', 'f-9');
    expect(graph.calls).toEqual([
      ['ensureChildFolder', 'msgfolderroot', 'Processed by Issue Mailer'],
      ['markRead', 'AAMk-1'],
      ['moveMessage', 'AAMk-1', 'f-9'],
    ]);
  });

  it("keeps Graph's request-id for the incoming log", async () => {
    const read = await graphProcessMailbox(graphCalls()).readMessage('AAMk-1');
    expect(read.receipt.requestId).toBe('req-1');
    expect(read.message.id).toBe('AAMk-1');
  });

  it('hands a gone message on as `gone`, its code and item kept', async () => {
    const gone = new InboundGraphError(InboundErrorCode.Gone, 'GET … 404', { status: 404, item: 'message' });
    const error: unknown = await graphProcessMailbox(graphCalls({ readMessage: refusing(gone) }))
      .readMessage('AAMk-1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IncomingMailboxError);
    expect(error).toMatchObject({ code: 'GRAPH_ITEM_GONE', kind: 'gone', item: 'message', cause: gone });
  });

  it('hands a failure while the bytes are read (too large) on as `too-large`', async () => {
    const tooLarge = new InboundGraphError(InboundErrorCode.AttachmentTooLarge, 'over', { status: 200 });
    const mailbox = graphProcessMailbox(
      graphCalls({
        openAttachment: async () => ({
          contentType: undefined,
          size: undefined,
          pieces: (async function* () {
            yield new Uint8Array([1]);
            throw tooLarge;
          })(),
          receipt: RECEIPT,
        }),
      }),
    );
    const content = await mailbox.openAttachment('AAMk-1', 'att-1', { maxBytes: 1 });
    const read: Uint8Array[] = [];
    const error: unknown = await (async () => {
      for await (const piece of content.pieces) read.push(piece);
    })().catch((caught: unknown) => caught);
    expect(read).toHaveLength(1);
    expect(error).toMatchObject({
      name: 'IncomingMailboxError',
      code: 'GRAPH_ATTACHMENT_TOO_LARGE',
      kind: 'too-large',
    });
  });

  it.each([
    [new GraphError(GraphErrorCode.Throttled, 'x', { status: 429, retryAfterSeconds: 7 }), 'passing', 7, undefined],
    [new GraphError(GraphErrorCode.Unavailable, 'x', { status: 503 }), 'passing', undefined, undefined],
    [new GraphError(GraphErrorCode.Unreachable, 'x'), 'passing', undefined, undefined],
    [new GraphError(GraphErrorCode.Timeout, 'x'), 'passing', undefined, undefined],
    [
      new GraphError(GraphErrorCode.AccessDenied, 'x', { status: 403 }),
      'other',
      undefined,
      'Microsoft 365 refused to let the credential read this mailbox.',
    ],
    [
      new GraphError(GraphErrorCode.Unauthorized, 'x', { status: 401 }),
      'other',
      undefined,
      'Microsoft 365 refused the credential.',
    ],
    [new GraphError(GraphErrorCode.BadRequest, 'x', { status: 400 }), 'other', undefined, undefined],
    [new InboundGraphError(InboundErrorCode.DeltaResync, 'x', { status: 410 }), 'other', undefined, undefined],
  ])('hands %s on with its code, as %s', (error, kind, retryAfterSeconds, logMessage) => {
    expect(asIncomingFailure(error)).toMatchObject({ code: error.code, kind, retryAfterSeconds, logMessage });
  });

  it('lets any other error through as it is', () => {
    const bug = new TypeError('x is undefined');
    expect(asIncomingFailure(bug)).toBe(bug);
  });
});
