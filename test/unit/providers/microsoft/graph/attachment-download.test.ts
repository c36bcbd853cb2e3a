import {
  type AttachmentContent,
  openInboundAttachment,
} from '../../../../../src/providers/microsoft/graph/attachment-download';
import { type Answer, graphError, pattern, USER } from './graph-fakes';
import { failureOf, inboundSetup, MAILBOX, PREFER_IMMUTABLE } from './inbound-setup';

const VALUE_URL = `${USER}/messages/AAMk%3D/attachments/AAMkAtt%3D/$value`;

/** A body in pieces, noting whether it was cancelled; `stall` leaves the read after the pieces hanging. */
const streamed = (pieces: Uint8Array[], headers: Record<string, string> = {}, { stall = false } = {}) => {
  const state = { cancelled: false, pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull: (controller) => {
      const piece = pieces[state.pulled];
      state.pulled += 1;
      if (piece !== undefined) controller.enqueue(piece);
      else if (stall) return new Promise<void>(() => undefined);
      else controller.close();
      return undefined;
    },
    cancel: () => {
      state.cancelled = true;
    },
  });
  return { response: new Response(body, { status: 200, headers: { 'request-id': 'r-val', ...headers } }), state };
};

const readAll = async (content: AttachmentContent): Promise<Buffer> => {
  const parts: Uint8Array[] = [];
  for await (const piece of content.pieces) parts.push(piece);
  return Buffer.concat(parts);
};

const open = (answers: Answer[], maxBytes = 1_000_000, readTimeoutMs?: number) => {
  const { deps, requests, time } = inboundSetup(answers);
  const limits = readTimeoutMs === undefined ? { maxBytes } : { maxBytes, readTimeoutMs };
  return { promise: openInboundAttachment(MAILBOX, 'AAMk=', 'AAMkAtt=', limits, deps), requests, time };
};

describe('downloading an attachment by $value', () => {
  it('streams the bytes as they come, with the content type, length and immutable ids', async () => {
    const bytes = pattern(10_000);
    const { response } = streamed([bytes.slice(0, 4000), bytes.slice(4000)], {
      'Content-Type': 'application/pdf',
      'Content-Length': '10000',
    });
    const { promise, requests } = open([response]);
    const content = await promise;
    expect(content).toMatchObject({
      contentType: 'application/pdf',
      size: 10_000,
      receipt: { status: 200, requestId: 'r-val', clientRequestId: 'crid-1', attempts: 1 },
    });
    expect(Buffer.compare(await readAll(content), Buffer.from(bytes))).toBe(0);
    expect(requests[0]).toMatchObject({ method: 'GET', url: VALUE_URL });
    expect(requests[0]?.headers).toMatchObject({
      prefer: PREFER_IMMUTABLE,
      accept: '*/*',
      authorization: 'Bearer token-abc',
    });
  });

  it('reads nothing before it is asked for, and cancels when the reader stops early', async () => {
    const { response, state } = streamed([pattern(10), pattern(10), pattern(10)]);
    const content = await open([response]).promise;
    for await (const _piece of content.pieces) break;
    expect(state.cancelled).toBe(true);
  });

  it('takes an empty file without a body', async () => {
    const content = await open([new Response(null, { status: 200, headers: { 'Content-Length': '0' } })]).promise;
    expect(content.size).toBe(0);
    expect(await readAll(content)).toHaveLength(0);
  });

  it('refuses an announced length over the limit before reading, and cancels', async () => {
    const { response, state } = streamed([pattern(10)], { 'Content-Length': '2000' });
    const error = await failureOf(open([response], 1000).promise);
    expect(error).toMatchObject({ code: 'GRAPH_ATTACHMENT_TOO_LARGE', requestId: 'r-val' });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it.each([
    ['no length given', {}, 'GRAPH_ATTACHMENT_TOO_LARGE'],
    ['a length that is too short', { 'Content-Length': '500' }, 'GRAPH_RESPONSE_INVALID'],
  ])('stops a download that grows past what it may with %s, and cancels it', async (_name, headers, code) => {
    const { response, state } = streamed([pattern(600), pattern(600)], headers, { stall: true });
    const content = await open([response], 1000).promise;
    expect((await failureOf(readAll(content))).code).toBe(code);
    expect(state.cancelled).toBe(true);
  });

  it('takes exactly the limit', async () => {
    const { response } = streamed([pattern(1000)]);
    expect(await readAll(await open([response], 1000).promise)).toHaveLength(1000);
  });

  it('refuses a body shorter than its Content-Length', async () => {
    const { response } = streamed([pattern(100)], { 'Content-Length': '300' });
    const error = await failureOf(readAll(await open([response]).promise));
    expect(error.code).toBe('GRAPH_RESPONSE_INVALID');
    expect(error.message).toContain('100 bytes of the 300');
  });

  it('times out a body that stops arriving, and cancels it', async () => {
    const { response, state } = streamed([pattern(10)], {}, { stall: true });
    const content = await open([response], 1000, 20).promise;
    const error = await failureOf(readAll(content));
    expect(error.code).toBe('GRAPH_TIMEOUT');
    expect(error.message).toContain('after 10 bytes');
    expect(state.cancelled).toBe(true);
  });

  it('retries a throttled download after Retry-After', async () => {
    const { response } = streamed([pattern(5)]);
    const { promise, time, requests } = open([
      graphError(429, 'ApplicationThrottled', { 'Retry-After': '3' }),
      response,
    ]);
    const content = await promise;
    expect(content.receipt.attempts).toBe(2);
    expect(time.sleeps).toEqual([3000]);
    expect(requests).toHaveLength(2);
    expect(await readAll(content)).toHaveLength(5);
  });

  it.each<[string, Answer, string]>([
    ['an attachment that is gone', graphError(404, 'ErrorItemNotFound'), 'GRAPH_ITEM_GONE'],
    ['a reference attachment (405)', graphError(405, 'ErrorInvalidRequest'), 'GRAPH_REQUEST_FAILED'],
    ['an unavailable Graph, retries spent', graphError(503, 'ServiceUnavailable'), 'GRAPH_UNAVAILABLE'],
  ])('fails for %s', async (_name, answer, code) => {
    const answers = code === 'GRAPH_UNAVAILABLE' ? [answer, graphError(503, 'x'), graphError(503, 'x')] : [answer];
    const error = await failureOf(open(answers).promise);
    expect(error.code).toBe(code);
    if (code === 'GRAPH_ITEM_GONE') expect(error).toMatchObject({ item: 'attachment', requestId: 'req-err' });
  });
});
