import { createHash, type Hash } from 'node:crypto';

import type { RequestInit, Route } from '@forge/api';

import { openAttachment } from '../../../../../src/jira/attachment-content';
import type { JiraResponse, RequestJira } from '../../../../../src/jira/jira-client';
import type { OutgoingMessage, StreamedAttachment } from '../../../../../src/mail-model/outgoing-message';
import { deliverMessage } from '../../../../../src/providers/microsoft/delivery/deliver-message';
import { UPLOAD_CHUNK_BYTES } from '../../../../../src/providers/microsoft/delivery/delivery-plan';
import type { GraphClientDeps } from '../../../../../src/providers/microsoft/graph/graph-request';
import type { FetchLike } from '../../../../../src/shared/seams';
import { empty, fakeTime, GRAPH, graphError, json, staticToken, USER } from '../graph/graph-fakes';

const MAILBOX = 'support@contoso.com';
const DRAFT = `${USER}/messages/AAMkAGd`;
const UPLOAD = 'https://outlook.office.com/api/v2.0/AttachmentSessions(x)?authtoken=s';
const CHUNK = UPLOAD_CHUNK_BYTES;
/** What Jira's body stream hands over at a time; deliberately not a divisor of the chunk size. */
const PIECE = 1024 * 1024;
/** Six chunks, the last one short. */
const SIZE = 5 * CHUNK + 1234;

/** Byte i of the attachment: a pattern that a lost, doubled or misplaced byte changes. */
const byteAt = (i: number): number => (i * 31 + (i >> 10) + (i >> 20)) & 0xff;

const patternHash = (size: number): string => {
  const hash = createHash('sha256');
  for (let start = 0; start < size; start += PIECE) hash.update(piece(start, Math.min(start + PIECE, size)));
  return hash.digest('hex');
};

const piece = (start: number, end: number): Uint8Array => {
  const bytes = new Uint8Array(end - start);
  for (let i = start; i < end; i += 1) bytes[i - start] = byteAt(i);
  return bytes;
};

interface JiraSide {
  /** Bytes Jira's body stream has handed over so far. */
  pulled: number;
  cancelled: boolean;
  calls: string[];
}

/**
 * Forge's requestJira answering a Response whose body makes each piece only when it is pulled (highWaterMark 0:
 * nothing is read ahead), so `pulled` says exactly how much of the file has been asked for.
 */
const lazyJira = (size: number, options: { status?: number; failAt?: number } = {}) => {
  const side: JiraSide = { pulled: 0, cancelled: false, calls: [] };
  const requestJira: RequestJira = async (route: Route, _init?: RequestInit): Promise<JiraResponse> => {
    side.calls.push(route.value);
    const body = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => {
          if (options.failAt !== undefined && side.pulled >= options.failAt) {
            controller.error(new Error('connection reset'));
            return;
          }
          if (side.pulled >= size) {
            controller.close();
            return;
          }
          const end = Math.min(side.pulled + PIECE, size);
          controller.enqueue(piece(side.pulled, end));
          side.pulled = end;
        },
        cancel: () => {
          side.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: options.status ?? 200, headers: { 'Content-Length': String(size) } });
  };
  return { requestJira, side };
};

interface Put {
  start: number;
  end: number;
  /** Bytes read from Jira when the PUT went out. */
  pulledBefore: number;
}

/**
 * Microsoft for the draft path. The upload session takes bytes in order as Outlook's does, hashing what it
 * accepted; `answerPut` may answer a PUT first (a 503, or a 200 that keeps only part of the chunk).
 */
const microsoft = (
  side: JiraSide,
  answerPut: (put: Put, index: number) => { answer: Response; kept?: number } | undefined = () => undefined,
) => {
  const puts: Put[] = [];
  const calls: string[] = [];
  const received: { hash: Hash; bytes: number } = { hash: createHash('sha256'), bytes: 0 };
  const fetch: FetchLike = async (url, init) => {
    const method = init.method ?? 'GET';
    calls.push(`${method} ${url.replace(GRAPH, '')}`);
    if (method === 'POST' && url === `${USER}/messages`)
      return json(201, { id: 'AAMkAGd', internetMessageId: '<e1.demo-2@contoso.com>' });
    if (method === 'POST' && url === `${DRAFT}/attachments/createUploadSession`)
      return json(201, { uploadUrl: UPLOAD, nextExpectedRanges: ['0-'] });
    if (method === 'POST' && url === `${DRAFT}/attachments`) return json(201, { id: 'a1' });
    if (method === 'POST' && url === `${DRAFT}/send`) return empty(202, { 'request-id': 'req-send' });
    if (method === 'DELETE' && url === DRAFT) return empty(204);
    if (method === 'PUT' && url === UPLOAD) {
      const headers = init.headers as Record<string, string>;
      expect(headers.Authorization).toBeUndefined();
      const [, start, end, total] = (/^bytes (\d+)-(\d+)\/(\d+)$/.exec(headers['Content-Range'] ?? '') ?? []).map(
        Number,
      );
      const body = init.body as Uint8Array;
      const put: Put = { start: start ?? NaN, end: end ?? NaN, pulledBefore: side.pulled };
      puts.push(put);
      expect(body.byteLength).toBe(put.end - put.start + 1);
      expect(put.start).toBe(received.bytes);
      const special = answerPut(put, puts.length - 1);
      const kept = special?.kept ?? (special === undefined ? body.byteLength : 0);
      received.hash.update(body.subarray(0, kept));
      received.bytes += kept;
      if (special !== undefined) return special.answer;
      return received.bytes === total ? empty(201) : json(200, { NextExpectedRanges: [String(received.bytes)] });
    }
    throw new Error(`unexpected ${method} ${url}`);
  };
  return { fetch, puts, calls, received };
};

const depsFor = (fetch: FetchLike) => {
  const time = fakeTime();
  const deps: GraphClientDeps = {
    fetch,
    tokenProvider: staticToken(),
    graphBaseUrl: GRAPH,
    now: time.now,
    sleep: time.sleep,
    env: {},
    newClientRequestId: () => 'crid',
  };
  return { deps, time };
};

const streamed = (requestJira: RequestJira, size: number, name = 'capture.pcap'): StreamedAttachment => ({
  name,
  contentType: 'application/octet-stream',
  size,
  open: () => openAttachment('10200', size, requestJira),
});

const message = (...attachments: StreamedAttachment[]): OutgoingMessage => ({
  subject: '[DEMO-2] Capture',
  html: '<p>Capture attached.</p>',
  to: ['ada@example.com'],
  attachments,
  internetMessageId: '<e1.demo-2@contoso.com>',
});

describe('deliverMessage with an attachment streamed from Jira', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('uploads a six-chunk file while reading it: chunk k goes out before chunk k+2 is read, at most two chunks held', async () => {
    const jira = lazyJira(SIZE);
    const graph = microsoft(jira.side);

    const result = await deliverMessage(MAILBOX, message(streamed(jira.requestJira, SIZE)), depsFor(graph.fetch).deps);

    expect(result).toMatchObject({ delivery: 'draft', attempts: 9, requestId: 'req-send' });
    expect(jira.side.calls).toEqual(['/rest/api/3/attachment/content/10200?redirect=false']);
    expect(graph.puts.map(({ start, end }) => [start, end])).toEqual(
      [0, 1, 2, 3, 4, 5].map((k) => [k * CHUNK, Math.min((k + 1) * CHUNK, SIZE) - 1]),
    );
    graph.puts.forEach((put, k) => {
      // The chunk itself is read, and at most one piece of Jira's stream beyond it.
      expect(put.pulledBefore).toBeGreaterThanOrEqual(put.end + 1);
      expect(put.pulledBefore).toBeLessThan((k + 2) * CHUNK);
      // Everything before `start` Graph has accepted: what is held is read but not yet accepted.
      expect(put.pulledBefore - put.start).toBeLessThanOrEqual(2 * CHUNK);
    });
    expect(graph.received.bytes).toBe(SIZE);
    expect(graph.received.hash.digest('hex')).toBe(patternHash(SIZE));
    expect(graph.calls.at(-1)).toBe('POST /users/support%40contoso.com/messages/AAMkAGd/send');
  });

  it('sends a chunk again after a 503 and resumes where the service asks, still within two chunks', async () => {
    const jira = lazyJira(SIZE);
    const graph = microsoft(jira.side, (put, index) => {
      if (index === 1) return { answer: graphError(503, 'serviceNotAvailable', { 'Retry-After': '2' }) };
      // Chunk 3 is only partly kept: the service asks for its second half again.
      if (put.start === 3 * CHUNK)
        return { answer: json(200, { NextExpectedRanges: [String(3 * CHUNK + 1_000_000)] }), kept: 1_000_000 };
      return undefined;
    });
    const { deps, time } = depsFor(graph.fetch);

    await deliverMessage(MAILBOX, message(streamed(jira.requestJira, SIZE)), deps);

    expect(time.sleeps).toEqual([2000]);
    expect(graph.puts.map(({ start }) => start)).toEqual([
      0,
      CHUNK,
      CHUNK,
      2 * CHUNK,
      3 * CHUNK,
      3 * CHUNK + 1_000_000,
      4 * CHUNK + 1_000_000,
    ]);
    for (const put of graph.puts) expect(put.pulledBefore - put.start).toBeLessThanOrEqual(2 * CHUNK);
    expect(graph.received.hash.digest('hex')).toBe(patternHash(SIZE));
  });

  it('stops, deletes the draft and rethrows the download failure when Jira breaks off mid-file', async () => {
    const jira = lazyJira(SIZE, { failAt: 2 * CHUNK + PIECE });
    const graph = microsoft(jira.side);

    await expect(
      deliverMessage(MAILBOX, message(streamed(jira.requestJira, SIZE)), depsFor(graph.fetch).deps),
    ).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      message: `GET /rest/api/3/attachment/content/10200 answered 200, but reading its body failed after ${9 * PIECE} bytes.`,
    });
    expect(graph.puts.map(({ start }) => start)).toEqual([0, CHUNK]);
    expect(graph.calls.at(-1)).toBe('DELETE /users/support%40contoso.com/messages/AAMkAGd');
  });

  it('opens the download before the upload session, so a refused one costs none', async () => {
    const jira = lazyJira(SIZE, { status: 403 });
    const graph = microsoft(jira.side);

    await expect(
      deliverMessage(MAILBOX, message(streamed(jira.requestJira, SIZE)), depsFor(graph.fetch).deps),
    ).rejects.toMatchObject({ code: 'JIRA_FORBIDDEN' });
    expect(graph.calls).toEqual([
      'POST /users/support%40contoso.com/messages',
      'DELETE /users/support%40contoso.com/messages/AAMkAGd',
    ]);
  });

  it('stops the download when Graph refuses a chunk', async () => {
    const jira = lazyJira(SIZE);
    const graph = microsoft(jira.side, (_put, index) =>
      index === 1 ? { answer: graphError(416, 'InvalidRange') } : undefined,
    );

    await expect(
      deliverMessage(MAILBOX, message(streamed(jira.requestJira, SIZE)), depsFor(graph.fetch).deps),
    ).rejects.toMatchObject({ code: 'GRAPH_REQUEST_FAILED' });
    expect(jira.side.cancelled).toBe(true);
    expect(jira.side.pulled).toBeLessThan(3 * CHUNK);
  });

  it('reads a small streamed file whole: inline in sendMail alone, by POST beside a big one', async () => {
    const small = lazyJira(712);
    const sent: Array<{ call: string; body: string }> = [];
    const sendMailOnly: FetchLike = async (url, init) => {
      sent.push({ call: `${init.method ?? 'GET'} ${url.replace(GRAPH, '')}`, body: init.body as string });
      return empty(202);
    };
    await deliverMessage(MAILBOX, message(streamed(small.requestJira, 712, 'note.txt')), depsFor(sendMailOnly).deps);
    expect(sent.map(({ call }) => call)).toEqual(['POST /users/support%40contoso.com/sendMail']);
    const inline = (
      JSON.parse(sent[0]?.body ?? '{}') as { message: { attachments: Array<{ name: string; contentBytes: string }> } }
    ).message.attachments;
    expect(inline.map(({ name }) => name)).toEqual(['note.txt']);
    expect(Buffer.from(inline[0]?.contentBytes ?? '', 'base64').equals(Buffer.from(piece(0, 712)))).toBe(true);

    const big = lazyJira(SIZE);
    const note = lazyJira(712);
    const graph = microsoft(big.side);
    await deliverMessage(
      MAILBOX,
      message(streamed(big.requestJira, SIZE), streamed(note.requestJira, 712, 'note.txt')),
      depsFor(graph.fetch).deps,
    );
    expect(graph.calls.filter((call) => call.endsWith('/attachments'))).toEqual([
      'POST /users/support%40contoso.com/messages/AAMkAGd/attachments',
    ]);
    expect(note.side.pulled).toBe(712);
    expect(graph.received.hash.digest('hex')).toBe(patternHash(SIZE));
  });
});
