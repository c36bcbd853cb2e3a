import type { RequestInit, Route } from '@forge/api';

import { downloadAttachment, openAttachment } from '../../../src/jira/attachment-content';
import type { JiraResponse, RequestJira } from '../../../src/jira/jira-client';
import { REFUSALS } from './jira-answers';

const BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10]);
const WHERE = 'GET /rest/api/3/attachment/content/10100';

interface BodyLog {
  /** Pieces handed out by the body stream. */
  pulls: number;
  cancelled: boolean;
}

/** A body that hands out `pieces` one per pull, and fails with `failAfter` once they are used up when given. */
const pieceStream = (pieces: Uint8Array[], log: BodyLog, failAfter?: Error): ReadableStream<Uint8Array> =>
  new ReadableStream<Uint8Array>(
    {
      pull: (controller) => {
        const next = pieces[log.pulls];
        log.pulls += 1;
        if (next !== undefined) controller.enqueue(next);
        else if (failAfter !== undefined) controller.error(failAfter);
        else controller.close();
      },
      cancel: () => {
        log.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );

type Answer =
  | { status: number; pieces?: Uint8Array[]; headers?: Record<string, string>; failAfter?: Error; noBody?: boolean }
  | Error;

/** requestJira answering WHATWG Responses, as Forge's requestJira does. */
const streamingJira = (answer: Answer) => {
  const calls: { path: string; init: RequestInit | undefined }[] = [];
  const log: BodyLog = { pulls: 0, cancelled: false };
  const requestJira: RequestJira = async (route: Route, init?: RequestInit): Promise<JiraResponse> => {
    calls.push({ path: route.value, init });
    if (answer instanceof Error) throw answer;
    if (answer.noBody) return { status: answer.status, text: async () => '' };
    return new Response(pieceStream(answer.pieces ?? [], log, answer.failAfter), {
      status: answer.status,
      headers: answer.headers ?? {},
    });
  };
  return { requestJira, calls, log };
};

const collect = async (pieces: AsyncIterable<Uint8Array>): Promise<number[]> => {
  const bytes: number[] = [];
  for await (const piece of pieces) bytes.push(...piece);
  return bytes;
};

describe('openAttachment', () => {
  it('asks Jira for the bytes themselves (redirect=false), as the given actor', async () => {
    const { requestJira, calls } = streamingJira({ status: 200, pieces: [BYTES] });
    await collect(await openAttachment('10100', 7, requestJira));
    expect(calls).toEqual([
      {
        path: '/rest/api/3/attachment/content/10100?redirect=false',
        init: { method: 'GET', headers: { Accept: '*/*' } },
      },
    ]);
  });

  it('reads the body only as its pieces are asked for, and answers them unchanged', async () => {
    const pieces = [BYTES.subarray(0, 3), BYTES.subarray(3, 5), BYTES.subarray(5)];
    const { requestJira, log } = streamingJira({ status: 200, pieces });
    const iterator = (await openAttachment('10100', 7, requestJira))[Symbol.asyncIterator]();
    expect(log.pulls).toBe(0);
    expect([...((await iterator.next()).value as Uint8Array)]).toEqual([0x89, 0x50, 0x4e]);
    expect(log.pulls).toBe(1);
    expect([...((await iterator.next()).value as Uint8Array)]).toEqual([0x47, 0x00]);
    expect(log.pulls).toBe(2);
    expect([...((await iterator.next()).value as Uint8Array)]).toEqual([0xff, 0x10]);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it.each([[0], [1]])('cancels the download when the reader stops after %i pieces', async (read) => {
    const { requestJira, log } = streamingJira({ status: 200, pieces: [BYTES.subarray(0, 3), BYTES.subarray(3)] });
    const iterator = (await openAttachment('10100', 7, requestJira))[Symbol.asyncIterator]();
    for (let index = 0; index < read; index += 1) await iterator.next();
    await iterator.return?.();
    expect(log.cancelled).toBe(true);
    expect(log.pulls).toBe(read);
  });

  it.each([
    [[BYTES.subarray(0, 6)], `${WHERE} answered 6 bytes; the attachment has 7.`],
    [[BYTES, new Uint8Array([1])], `${WHERE} answered over 7 bytes; the attachment has 7.`],
  ])('refuses a body of another length than the attachment (%#)', async (pieces, message) => {
    const { requestJira } = streamingJira({ status: 200, pieces });
    await expect(collect(await openAttachment('10100', 7, requestJira))).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      status: 200,
      message,
    });
  });

  it('refuses a Content-Length other than the size before reading anything', async () => {
    const { requestJira, log } = streamingJira({ status: 200, pieces: [BYTES], headers: { 'Content-Length': '8' } });
    await expect(openAttachment('10100', 7, requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: `${WHERE} answered 8 bytes; the attachment has 7.`,
    });
    expect(log.pulls).toBe(0);
  });

  it.each([...REFUSALS, [404, 'JIRA_REQUEST_FAILED'] as const, [303, 'JIRA_REQUEST_FAILED'] as const])(
    'maps status %i to %s',
    async (status, code) => {
      const { requestJira } = streamingJira({ status });
      await expect(openAttachment('10100', 7, requestJira)).rejects.toMatchObject({
        code,
        status,
        message: `${WHERE} answered ${status}.`,
      });
    },
  );

  it('answers JIRA_REQUEST_FAILED when the call throws, when there is no body stream, or reading it fails', async () => {
    const cause = new Error('socket hang up');
    await expect(openAttachment('10100', 7, streamingJira(cause).requestJira)).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      cause,
      message: `${WHERE} failed: no answer from Jira.`,
    });
    await expect(
      openAttachment('10100', 7, streamingJira({ status: 200, noBody: true }).requestJira),
    ).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      message: `${WHERE} answered 200, but its body cannot be read as a stream.`,
    });
    const failing = streamingJira({ status: 200, pieces: [BYTES.subarray(0, 4)], failAfter: cause });
    await expect(collect(await openAttachment('10100', 7, failing.requestJira))).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      cause,
      message: `${WHERE} answered 200, but reading its body failed after 4 bytes.`,
    });
  });

  it.each([['abc'], ['10100/../1'], [''], ['1234567890123456789']])('does not call Jira for the id %j', async (id) => {
    const { requestJira, calls } = streamingJira({ status: 200, pieces: [BYTES] });
    await expect(openAttachment(id, 7, requestJira)).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      message: 'Not a Jira attachment id; no request made.',
    });
    expect(calls).toHaveLength(0);
  });
});

describe('downloadAttachment', () => {
  it('answers the exact bytes in one array, whatever pieces they came in', async () => {
    const { requestJira } = streamingJira({ status: 200, pieces: [BYTES.subarray(0, 2), BYTES.subarray(2)] });
    const bytes = await downloadAttachment('10100', 7, requestJira);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([...BYTES]);
  });

  it('refuses a cut-off body', async () => {
    const { requestJira } = streamingJira({ status: 200, pieces: [BYTES.subarray(0, 5)] });
    await expect(downloadAttachment('10100', 7, requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: `${WHERE} answered 5 bytes; the attachment has 7.`,
    });
  });
});
