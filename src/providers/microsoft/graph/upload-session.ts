import { uploadOriginsOf } from '../../../http/egress';
import { checkEndpoint } from '../../../http/endpoint-policy';
import { EndpointNotAllowedError } from '../../../http/errors';
import { attemptTimeoutMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../http/retry';
import { attachmentSize, type OutgoingAttachment } from '../../../mail-model/outgoing-message';
import { type Clock, realSleep, type Sleep, systemClock } from '../../../shared/seams';
import { GraphError, GraphErrorCode } from './errors';
import { readUploadProgress, readUploadSession } from './graph-answers';
import { allowedBase } from './graph-base';
import { type GraphClientDeps, graphJson, isTimeout, readText } from './graph-request';
import { userPath } from './mail-client';
import { retryStep } from './retry-step';
import { UploadChunks, type UploadSource } from './upload-chunks';

/** A 4 MB chunk over a slow link needs longer than a JSON call. */
export const DEFAULT_CHUNK_TIMEOUT_MS = 12_000;

export interface UploadSession {
  uploadUrl: string;
  expirationDateTime: string | undefined;
  attempts: number;
}

/**
 * `POST /users/{mailbox}/messages/{id}/attachments/createUploadSession` (Mail.ReadWrite), expecting 201: where to
 * PUT the file's bytes. The upload URL carries its own credential.
 */
export const createUploadSession = async (
  mailbox: string,
  draftId: string,
  attachment: OutgoingAttachment,
  deps: GraphClientDeps,
): Promise<UploadSession> => {
  const url = `${userPath(deps, mailbox)}/messages/${encodeURIComponent(draftId)}/attachments/createUploadSession`;
  const attachmentItem = {
    attachmentType: 'file',
    name: attachment.name,
    size: attachmentSize(attachment),
    contentType: attachment.contentType,
    isInline: attachment.isInline === true,
    ...(attachment.contentId === undefined ? {} : { contentId: attachment.contentId }),
  };
  const { data, attempts } = await graphJson(
    { method: 'POST', url, body: JSON.stringify({ AttachmentItem: attachmentItem }), expect: [201] },
    readUploadSession,
    deps,
  );
  return { uploadUrl: data.uploadUrl, expirationDateTime: data.expirationDateTime ?? undefined, attempts };
};

/**
 * Where the service wants the next byte: `"4194304"` or `"4194304-"` (Outlook sends the start only). The upload
 * service answers in Outlook's PascalCase, Graph documents camelCase (graph-answer-schemas.ts).
 */
const nextStart = (text: string): number | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = readUploadProgress(json);
  if (!parsed.ok) return undefined;
  const first = (parsed.value.nextExpectedRanges ?? parsed.value.NextExpectedRanges)?.[0];
  const match = first === undefined ? null : /^(\d+)(?:-\d*)?$/.exec(first.trim());
  return match === null ? undefined : Number(match[1]);
};

/** 429 and any 5xx are worth sending the same bytes again; the range makes a repeat harmless. */
const retryableChunkStatus = (status: number): boolean => status === 429 || status >= 500;

export interface UploadDeps extends Omit<GraphClientDeps, 'tokenProvider'> {
  /** Bytes per PUT: at most 4 MB, a multiple of 320 KiB (delivery-plan.ts's UPLOAD_CHUNK_BYTES). */
  chunkBytes: number;
}

export interface UploadResult {
  /** PUTs made, retries included. */
  attempts: number;
  chunks: number;
}

/**
 * Checks the upload URL: https on the Outlook host of the credential's own cloud (the cloud whose Graph handed it
 * out), or loopback when the environment allows a stand-in.
 */
const allowedUploadUrl = (uploadUrl: string, deps: Pick<GraphClientDeps, 'graphBaseUrl' | 'env'>): URL => {
  const graphOrigin = new URL(allowedBase(deps.graphBaseUrl, deps.env)).origin;
  try {
    return checkEndpoint('upload URL', uploadUrl, deps.env, uploadOriginsOf(graphOrigin));
  } catch (error) {
    if (!(error instanceof EndpointNotAllowedError)) throw error;
    throw new GraphError(GraphErrorCode.EndpointNotAllowed, `Attachment upload refused: ${error.message}`, {
      cause: error,
    });
  }
};

/**
 * PUTs the file to the upload URL in order, `chunkBytes` at a time, with `Content-Range: bytes a-b/total` and no
 * Authorization header (the URL authorises itself; Outlook refuses a bearer token there). Non-final chunks answer
 * 200 with the next expected start, which is followed; the last answers 201. A chunk answered 429 or 5xx is sent
 * again within the retry policy (its own budget per chunk), honouring Retry-After.
 *
 * A streamed source is read as it is sent: each chunk just before its PUT, kept only until the service has it,
 * so memory does not grow with the file. Its errors (a failed Jira download) are thrown
 * as they are, and whatever ends the upload early stops the source.
 */
export const uploadAttachment = async (
  session: UploadSession,
  source: UploadSource,
  deps: UploadDeps,
): Promise<UploadResult> => {
  const chunks = new UploadChunks(source);
  try {
    const url = allowedUploadUrl(session.uploadUrl, deps);
    // Only the host: the rest of an upload URL is its credential.
    const where = `PUT ${url.host} (attachment upload session)`;
    const sleep = deps.sleep ?? realSleep;
    const now = deps.now ?? systemClock;
    const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
    return await putChunks(url.href, where, chunks, deps, { sleep, now, policy });
  } finally {
    // Stopping a source that already ended is a no-op; otherwise the upload failed and its error is what counts.
    await chunks.close().catch(() => undefined);
  }
};

const putChunks = async (
  url: string,
  where: string,
  source: UploadChunks,
  deps: UploadDeps,
  { sleep, now, policy }: { sleep: Sleep; now: Clock; policy: RetryPolicy },
): Promise<UploadResult> => {
  const { total } = source;
  let start = 0;
  let attempts = 0;
  let chunks = 0;

  while (start < total) {
    const end = Math.min(start + deps.chunkBytes, total) - 1;
    const chunk = await source.chunk(start, end);
    const range = `bytes ${start}-${end}/${total}`;
    let retries = 0;
    const startedAt = now();
    chunks += 1;
    for (;;) {
      attempts += 1;
      const timeoutMs = attemptTimeoutMs(deps.timeoutMs ?? DEFAULT_CHUNK_TIMEOUT_MS, now() - startedAt, policy);
      const response = await put(url, where, range, chunk, timeoutMs, deps);
      const text = await readText(response, where);
      const { status } = response;
      const last = end === total - 1;
      if (status === 201 && last) return { attempts, chunks };
      if (status === 200 && !last) {
        const next = nextStart(text) ?? end + 1;
        // Following the service's offset; anything that is no progress within this chunk would loop forever.
        if (next <= start || next > end + 1) {
          throw new GraphError(
            GraphErrorCode.ResponseInvalid,
            `${where} answered 200 expecting byte ${next} next, after ${range}.`,
            { status },
          );
        }
        start = next;
        break;
      }
      if (status >= 200 && status < 300) {
        const expected = last ? '201 Created for the last chunk' : '200 OK before the last chunk';
        throw new GraphError(
          GraphErrorCode.ResponseInvalid,
          `${where} answered ${status} for ${range}; expected ${expected}.`,
          { status },
        );
      }
      const step = retryStep({
        where,
        response,
        text,
        retryable: retryableChunkStatus(status),
        retries,
        elapsedMs: now() - startedAt,
        now: now(),
        policy,
      });
      if ('error' in step) throw step.error;
      await sleep(step.delayMs);
      retries += 1;
    }
  }
  // Only an empty file gets here: nothing to PUT, and Graph opens no sessions for those.
  throw new GraphError(GraphErrorCode.ResponseInvalid, `${where} not called: the file is empty.`);
};

const put = async (
  url: string,
  where: string,
  range: string,
  chunk: Uint8Array<ArrayBuffer>,
  timeoutMs: number,
  deps: Pick<UploadDeps, 'fetch'>,
): Promise<Response> => {
  try {
    return await deps.fetch(url, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Range': range,
        'Content-Length': String(chunk.byteLength),
      },
      // UploadChunks hands out each chunk on its own ArrayBuffer, the body type fetch takes.
      body: chunk,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (isTimeout(error))
      throw new GraphError(GraphErrorCode.Timeout, `${where} timed out sending ${range}.`, { cause: error });
    throw new GraphError(GraphErrorCode.Unreachable, `${where} failed sending ${range}: no answer from the server.`, {
      cause: error,
    });
  }
};
