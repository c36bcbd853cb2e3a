import { MessageTooLargeError } from '../../../../../src/delivery/errors';
import type { MailMessage } from '../../../../../src/mail-model/outgoing-message';
import { deliverMessage } from '../../../../../src/providers/microsoft/delivery/deliver-message';
import { GraphError } from '../../../../../src/providers/microsoft/graph/errors';
import type { GraphClientDeps } from '../../../../../src/providers/microsoft/graph/graph-request';
import {
  type Answer,
  empty,
  fakeTime,
  GRAPH,
  graphError,
  json,
  pattern,
  recordingFetch,
  type SeenRequest,
  staticToken,
  USER,
} from '../graph/graph-fakes';

const MAILBOX = 'support@contoso.com';
const DRAFT = `${USER}/messages/AAMkAGd`;
const UPLOAD = 'https://outlook.office.com/api/v2.0/AttachmentSessions(x)?authtoken=s';

const big = { name: 'logs.zip', contentType: 'application/zip', bytes: pattern(5_000_000) };
const small = { name: 'note.txt', contentType: 'text/plain', bytes: pattern(712) };
const message = (attachments: MailMessage['attachments']): MailMessage => ({
  subject: '[DEMO-2] Logs',
  html: '<p>Logs</p>',
  to: ['ada@example.com'],
  attachments,
  headers: [{ name: 'x-issue-mailer-issue', value: 'DEMO-2' }],
  internetMessageId: '<e1.demo-2@contoso.com>',
});

type Route = (request: SeenRequest) => Answer | undefined;

/** Microsoft as the draft path meets it; `override` answers first where it wants to. */
const microsoft = (override: Route = () => undefined) =>
  recordingFetch((request) => {
    const special = override(request);
    if (special !== undefined) return special;
    const { method, url } = request;
    if (method === 'POST' && url === `${USER}/messages`)
      return json(201, { id: 'AAMkAGd', internetMessageId: '<e1.demo-2@contoso.com>', conversationId: 'AAQkAGc' });
    if (method === 'POST' && url === `${DRAFT}/attachments`) return json(201, { id: 'a1' });
    if (method === 'POST' && url === `${DRAFT}/attachments/createUploadSession`)
      return json(201, { uploadUrl: UPLOAD, nextExpectedRanges: ['0-'] });
    if (method === 'PUT' && url === UPLOAD) {
      const end = Number(/-(\d+)\//.exec(request.headers['content-range'] ?? '')?.[1]);
      return end === big.bytes.length - 1 ? empty(201) : json(200, { NextExpectedRanges: [String(end + 1)] });
    }
    if (method === 'POST' && url === `${DRAFT}/send`) return empty(202, { 'request-id': 'req-send' });
    if (method === 'DELETE' && url === DRAFT) return empty(204);
    if (method === 'POST' && url === `${USER}/sendMail`) return empty(202, { 'request-id': 'req-single' });
    throw new Error(`unexpected ${method} ${url}`);
  });

const depsFor = (fetch: GraphClientDeps['fetch']): GraphClientDeps => {
  const time = fakeTime();
  return {
    fetch,
    tokenProvider: staticToken(),
    graphBaseUrl: GRAPH,
    now: time.now,
    sleep: time.sleep,
    env: {},
    newClientRequestId: () => 'crid',
  };
};

const calls = (requests: SeenRequest[]) =>
  requests.map((request) => `${request.method} ${request.url.replace(GRAPH, '')}`);

describe('deliverMessage', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('sends a small message in one sendMail, reporting the Message-ID it chose', async () => {
    const { fetch, requests } = microsoft();
    await expect(deliverMessage(MAILBOX, message([small]), depsFor(fetch))).resolves.toEqual({
      requestId: 'req-single',
      clientRequestId: 'crid',
      attempts: 1,
      delivery: 'single',
      internetMessageId: '<e1.demo-2@contoso.com>',
      messageId: undefined,
    });
    expect(calls(requests)).toEqual(['POST /users/support%40contoso.com/sendMail']);
    const sent = requests[0]?.json as { message: { attachments: unknown[]; internetMessageHeaders: unknown[] } };
    expect(sent.message.attachments).toHaveLength(1);
    expect(sent.message.internetMessageHeaders).toEqual([{ name: 'x-issue-mailer-issue', value: 'DEMO-2' }]);
  });

  it('builds a draft for a big message: create, post the small file, upload the big one in chunks, send', async () => {
    const { fetch, requests } = microsoft();
    await expect(deliverMessage(MAILBOX, message([big, small]), depsFor(fetch))).resolves.toEqual({
      requestId: 'req-send',
      clientRequestId: 'crid',
      attempts: 6,
      delivery: 'draft',
      internetMessageId: '<e1.demo-2@contoso.com>',
      messageId: 'AAMkAGd',
    });
    expect(calls(requests)).toEqual([
      'POST /users/support%40contoso.com/messages',
      'POST /users/support%40contoso.com/messages/AAMkAGd/attachments/createUploadSession',
      `PUT ${UPLOAD}`,
      `PUT ${UPLOAD}`,
      'POST /users/support%40contoso.com/messages/AAMkAGd/attachments',
      'POST /users/support%40contoso.com/messages/AAMkAGd/send',
    ]);
    expect((requests[0]?.json as Record<string, unknown>).attachments).toBeUndefined();
    expect(
      Buffer.concat([requests[2]?.bytes ?? Buffer.alloc(0), requests[3]?.bytes ?? Buffer.alloc(0)]).equals(
        Buffer.from(big.bytes),
      ),
    ).toBe(true);
  });

  it.each([
    [
      'a chunk refused',
      (r: SeenRequest) => (r.method === 'PUT' ? graphError(416, 'InvalidRange') : undefined),
      'GRAPH_REQUEST_FAILED',
    ],
    [
      'the small file refused',
      (r: SeenRequest) => (r.url.endsWith('/attachments') ? graphError(400, 'RequestBodyRead') : undefined),
      'GRAPH_BAD_REQUEST',
    ],
    [
      'the send refused',
      (r: SeenRequest) => (r.url.endsWith('/send') ? graphError(400, 'ErrorInvalidRecipients') : undefined),
      'GRAPH_INVALID_RECIPIENTS',
    ],
  ])('deletes the draft and rethrows when %s', async (_what, override, code) => {
    const { fetch, requests } = microsoft(override);
    await expect(deliverMessage(MAILBOX, message([big, small]), depsFor(fetch))).rejects.toMatchObject({ code });
    expect(calls(requests).at(-1)).toBe('DELETE /users/support%40contoso.com/messages/AAMkAGd');
    expect(warn).not.toHaveBeenCalled();
  });

  it('rethrows the original failure when the cleanup fails too, with a warning that says only the error kind', async () => {
    const { fetch, requests } = microsoft((r) =>
      r.method === 'PUT'
        ? graphError(416, 'InvalidRange')
        : r.method === 'DELETE'
          ? graphError(503, 'serviceNotAvailable')
          : undefined,
    );
    await expect(deliverMessage(MAILBOX, message([big]), depsFor(fetch))).rejects.toMatchObject({
      code: 'GRAPH_REQUEST_FAILED',
    });
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(warn.mock.calls).toEqual([['[issue-mailer] deleting an unsent draft failed: GraphError GRAPH_UNAVAILABLE']]);
  });

  it('keeps the draft when the send got no answer: the mail may still go out', async () => {
    const timeout = Object.assign(new Error('aborted'), { name: 'TimeoutError' });
    const { fetch, requests } = microsoft((r) => (r.url.endsWith('/send') ? timeout : undefined));
    const error = await deliverMessage(MAILBOX, message([big]), depsFor(fetch)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      code: 'GRAPH_TIMEOUT',
      message:
        'POST graph.microsoft.com/v1.0/users/support%40contoso.com/messages/AAMkAGd/send timed out; the mail may or may not have been sent.',
    });
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('refuses attachments over 150 MB without calling Graph', async () => {
    const { fetch, requests } = microsoft();
    const huge = {
      name: 'huge.bin',
      contentType: 'application/octet-stream',
      bytes: new Uint8Array(150 * 1024 * 1024 + 1),
    };
    await expect(deliverMessage(MAILBOX, message([huge]), depsFor(fetch))).rejects.toBeInstanceOf(MessageTooLargeError);
    expect(requests).toHaveLength(0);
  });
});
