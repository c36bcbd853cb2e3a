import { UPLOAD_CHUNK_BYTES } from '../../../../../src/providers/microsoft/delivery/delivery-plan';
import { GraphError } from '../../../../../src/providers/microsoft/graph/errors';
import type { GraphClientDeps } from '../../../../../src/providers/microsoft/graph/graph-request';
import {
  createUploadSession,
  uploadAttachment,
  type UploadDeps,
  type UploadSession,
} from '../../../../../src/providers/microsoft/graph/upload-session';
import {
  type Answer,
  answersInOrder,
  empty,
  fakeTime,
  GRAPH,
  graphError,
  json,
  pattern,
  staticToken,
  USER,
} from './graph-fakes';

const UPLOAD_URL =
  "https://outlook.office.com/api/v2.0/Users('f4d3')/Messages('AAMkAGd')/AttachmentSessions('AAMkAGs')?authtoken=SESSION-SECRET";
const session: UploadSession = { uploadUrl: UPLOAD_URL, expirationDateTime: '2030-06-01T12:15:00Z', attempts: 1 };
const WHERE = 'PUT outlook.office.com (attachment upload session)';

const setup = (answers: Answer[], overrides: Partial<UploadDeps> = {}) => {
  const { fetch, requests } = answersInOrder(answers);
  const time = fakeTime();
  const deps: UploadDeps = {
    fetch,
    graphBaseUrl: GRAPH,
    now: time.now,
    sleep: time.sleep,
    env: {},
    chunkBytes: UPLOAD_CHUNK_BYTES,
    ...overrides,
  };
  return { deps, requests, time };
};

const failure = async (promise: Promise<unknown>): Promise<GraphError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GraphError)) throw new Error(`expected a GraphError, got ${String(error)}`);
  expect(error.message).not.toMatch(/SESSION-SECRET|authtoken|AttachmentSessions|secret-looking/);
  return error;
};

const progress = (next: number, spelling: 'camel' | 'pascal' = 'pascal'): Response =>
  json(
    200,
    spelling === 'camel'
      ? { expirationDateTime: '2030-06-01T12:15:00Z', nextExpectedRanges: [`${next}-`] }
      : { ExpirationDateTime: '2030-06-01T12:15:00Z', NextExpectedRanges: [`${next}`] },
  );

describe('createUploadSession', () => {
  it('opens a session for the attachment and reads its upload URL', async () => {
    const { fetch, requests } = answersInOrder([
      json(201, { uploadUrl: UPLOAD_URL, expirationDateTime: '2030-06-01T12:15:00Z', nextExpectedRanges: ['0-'] }),
    ]);
    const deps: GraphClientDeps = { fetch, tokenProvider: staticToken(), graphBaseUrl: GRAPH, env: {} };
    const attachment = {
      name: 'logs.zip',
      contentType: 'application/zip',
      bytes: new Uint8Array(3_401_005),
      isInline: true,
      contentId: 'logs',
    };

    await expect(createUploadSession('support@contoso.com', 'AAMkAGd', attachment, deps)).resolves.toEqual(session);
    expect(requests[0]).toMatchObject({
      url: `${USER}/messages/AAMkAGd/attachments/createUploadSession`,
      method: 'POST',
    });
    expect(requests[0]?.headers.authorization).toBe('Bearer token-abc');
    expect(requests[0]?.json).toEqual({
      AttachmentItem: {
        attachmentType: 'file',
        name: 'logs.zip',
        size: 3_401_005,
        contentType: 'application/zip',
        isInline: true,
        contentId: 'logs',
      },
    });
  });

  it('names the field an answer lacks', async () => {
    const { fetch } = answersInOrder([json(201, { nextExpectedRanges: ['0-'] })]);
    const error = await failure(
      createUploadSession(
        'support@contoso.com',
        'd',
        { name: 'a', contentType: 'x/y', bytes: new Uint8Array(1) },
        { fetch, tokenProvider: staticToken(), graphBaseUrl: GRAPH, env: {} },
      ),
    );
    expect(error.message).toBe(
      'POST graph.microsoft.com/v1.0/users/support%40contoso.com/messages/d/attachments/createUploadSession answered 201 with uploadUrl: Invalid input: expected string, received undefined.',
    );
  });
});

describe('uploadAttachment', () => {
  it('PUTs 10,000,000 bytes in three chunks without Authorization, reading both spellings of the next range', async () => {
    const bytes = pattern(10_000_000);
    const { deps, requests } = setup([
      progress(3_932_160, 'camel'),
      progress(7_864_320, 'pascal'),
      empty(201, { Location: 'https://outlook.office.com/x' }),
    ]);

    await expect(uploadAttachment(session, bytes, deps)).resolves.toEqual({ attempts: 3, chunks: 3 });
    expect(
      requests.map((request) => [
        request.method,
        request.url,
        request.headers['content-range'],
        request.headers['content-length'],
      ]),
    ).toEqual([
      ['PUT', UPLOAD_URL, 'bytes 0-3932159/10000000', '3932160'],
      ['PUT', UPLOAD_URL, 'bytes 3932160-7864319/10000000', '3932160'],
      ['PUT', UPLOAD_URL, 'bytes 7864320-9999999/10000000', '2135680'],
    ]);
    for (const request of requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers['content-type']).toBe('application/octet-stream');
    }
    expect(Buffer.concat(requests.map((request) => request.bytes)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('sends a chunk again after a 503, waiting as Retry-After says', async () => {
    const bytes = pattern(5_000_000);
    const { deps, requests, time } = setup([
      progress(3_932_160),
      graphError(503, 'serviceNotAvailable', { 'Retry-After': '3' }),
      empty(201),
    ]);

    await expect(uploadAttachment(session, bytes, deps)).resolves.toEqual({ attempts: 3, chunks: 2 });
    expect(time.sleeps).toEqual([3000]);
    expect(requests.map((request) => request.headers['content-range'])).toEqual([
      'bytes 0-3932159/5000000',
      'bytes 3932160-4999999/5000000',
      'bytes 3932160-4999999/5000000',
    ]);
    expect(requests[2]?.bytes.equals(requests[1]?.bytes ?? Buffer.alloc(0))).toBe(true);
  });

  it('retries a 500 with backoff, then gives up with the last answer', async () => {
    const bytes = pattern(1000);
    const { deps, requests, time } = setup([
      graphError(500, 'InternalServerError'),
      graphError(500, 'InternalServerError'),
      graphError(500, 'InternalServerError'),
    ]);
    const error = await failure(uploadAttachment(session, bytes, deps));
    expect(error).toMatchObject({
      code: 'GRAPH_UNAVAILABLE',
      status: 500,
      message: `${WHERE} answered 500 InternalServerError (request-id req-err).`,
    });
    expect(time.sleeps).toEqual([1000, 2000]);
    expect(requests).toHaveLength(3);
  });

  it('follows the start the service asks for next', async () => {
    const bytes = pattern(5_000_000);
    const { deps, requests } = setup([progress(3_000_000), empty(201)]);
    await uploadAttachment(session, bytes, deps);
    expect(requests.map((request) => request.headers['content-range'])).toEqual([
      'bytes 0-3932159/5000000',
      'bytes 3000000-4999999/5000000',
    ]);
  });

  it.each([
    [progress(0), `${WHERE} answered 200 expecting byte 0 next, after bytes 0-3932159/5000000.`],
    [empty(201), `${WHERE} answered 201 for bytes 0-3932159/5000000; expected 200 OK before the last chunk.`],
  ])('calls an answer that makes no sense invalid (%#)', async (answer, message) => {
    const { deps } = setup([answer]);
    const error = await failure(uploadAttachment(session, pattern(5_000_000), deps));
    expect(error).toMatchObject({ code: 'GRAPH_RESPONSE_INVALID', message });
  });

  it('does not retry a refused range', async () => {
    const { deps, requests } = setup([graphError(416, 'InvalidRange')]);
    const error = await failure(uploadAttachment(session, pattern(10), deps));
    expect(error).toMatchObject({
      code: 'GRAPH_REQUEST_FAILED',
      status: 416,
      message: `${WHERE} answered 416 InvalidRange (request-id req-err).`,
    });
    expect(requests).toHaveLength(1);
  });

  it.each([
    [
      'https://evil.example/upload?authtoken=SESSION-SECRET',
      {},
      'The upload URL "https://evil.example" is not allowed: only Outlook\'s upload hosts are allowed (https://outlook.office.com, https://outlook.office365.com).',
    ],
    [
      'https://partner.outlook.cn/api/v2.0/x?authtoken=SESSION-SECRET',
      {},
      'The upload URL "https://partner.outlook.cn" is not allowed: only Outlook\'s upload hosts are allowed (https://outlook.office.com, https://outlook.office365.com).',
    ],
    [
      'http://outlook.office.com/api/v2.0/x?authtoken=SESSION-SECRET',
      {},
      'The upload URL "http://outlook.office.com" is not allowed: it must use https:.',
    ],
    [
      'http://127.0.0.1:4012/attachment-uploads/SESSION-SECRET',
      {},
      'The upload URL "http://127.0.0.1:4012" is not allowed: it must use https:.',
    ],
  ])('refuses the upload URL %s without calling it', async (uploadUrl, env, reason) => {
    const { deps, requests } = setup([], { env });
    const error = await failure(uploadAttachment({ ...session, uploadUrl }, pattern(10), deps));
    expect(error).toMatchObject({ code: 'ENDPOINT_NOT_ALLOWED', message: `Attachment upload refused: ${reason}` });
    expect(requests).toHaveLength(0);
  });

  it('stops a streamed source it will not upload', async () => {
    const { deps } = setup([]);
    let stopped = false;
    const pieces: AsyncIterableIterator<Uint8Array> = {
      [Symbol.asyncIterator]: () => pieces,
      next: async () => ({ done: false, value: pattern(10) }),
      return: async () => {
        stopped = true;
        return { done: true, value: undefined };
      },
    };
    const error = await failure(
      uploadAttachment({ ...session, uploadUrl: 'https://evil.example/upload' }, { size: 10, pieces }, deps),
    );
    expect(error.code).toBe('ENDPOINT_NOT_ALLOWED');
    expect(stopped).toBe(true);
  });

  it("takes the US Government cloud's own upload host, and a loopback stand-in when the environment allows", async () => {
    const gov = setup([empty(201)], { graphBaseUrl: 'https://graph.microsoft.us/v1.0' });
    await uploadAttachment(
      { ...session, uploadUrl: 'https://outlook.office365.us/api/v2.0/x?authtoken=t' },
      pattern(10),
      gov.deps,
    );
    expect(gov.requests).toHaveLength(1);

    const local = setup([empty(201)], {
      graphBaseUrl: 'http://127.0.0.1:4012/v1.0',
      env: { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' },
    });
    await uploadAttachment(
      { ...session, uploadUrl: 'http://127.0.0.1:4012/attachment-uploads/t' },
      pattern(10),
      local.deps,
    );
    expect(local.requests[0]?.url).toBe('http://127.0.0.1:4012/attachment-uploads/t');
  });

  it('says which range timed out, never the upload URL', async () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    const { deps } = setup([timeout]);
    const error = await failure(uploadAttachment(session, pattern(10), deps));
    expect(error).toMatchObject({ code: 'GRAPH_TIMEOUT', message: `${WHERE} timed out sending bytes 0-9/10.` });
  });
});
