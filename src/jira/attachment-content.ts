import { route } from '@forge/api';

import { JiraError, JiraErrorCode } from './errors';
import { accessStatusError, type JiraResponse, type RequestJira, requestJiraAsUser } from './jira-client';

const ATTACHMENT_ID = /^[0-9]{1,18}$/;

/** The bytes of one attachment as Jira sends them, piece by piece, read only as fast as they are asked for. */
export type AttachmentBytes = AsyncIterable<Uint8Array>;

const isByteStream = (body: unknown): body is ReadableStream<Uint8Array> =>
  typeof body === 'object' && body !== null && typeof (body as { getReader?: unknown }).getReader === 'function';

/**
 * The body's pieces, each checked, and the total against the size Jira recorded: a cut-off or overlong download
 * must not be mailed as if it were the file. Nothing is read before it is asked for, and stopping early (the
 * upload gave up, even before the first piece) cancels the download.
 */
class CheckedPieces implements AsyncIterableIterator<Uint8Array> {
  private received = 0;
  private over = false;

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly expectedSize: number,
    private readonly where: string,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<Uint8Array, undefined>> {
    if (this.over) return { done: true, value: undefined };
    const { where, expectedSize } = this;
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await this.reader.read();
    } catch (error) {
      await this.stop();
      throw new JiraError(
        JiraErrorCode.RequestFailed,
        `${where} answered 200, but reading its body failed after ${this.received} bytes.`,
        {
          status: 200,
          cause: error,
        },
      );
    }
    if (step.done) {
      this.over = true;
      if (this.received !== expectedSize) {
        throw new JiraError(
          JiraErrorCode.ResponseInvalid,
          `${where} answered ${this.received} bytes; the attachment has ${expectedSize}.`,
          { status: 200 },
        );
      }
      return { done: true, value: undefined };
    }
    if (!(step.value instanceof Uint8Array)) {
      await this.stop();
      throw new JiraError(JiraErrorCode.ResponseInvalid, `${where} answered 200 with a body that is not bytes.`, {
        status: 200,
      });
    }
    this.received += step.value.byteLength;
    if (this.received > expectedSize) {
      await this.stop();
      throw new JiraError(
        JiraErrorCode.ResponseInvalid,
        `${where} answered over ${expectedSize} bytes; the attachment has ${expectedSize}.`,
        {
          status: 200,
        },
      );
    }
    return { done: false, value: step.value };
  }

  async return(): Promise<IteratorResult<Uint8Array, undefined>> {
    await this.stop();
    return { done: true, value: undefined };
  }

  private async stop(): Promise<void> {
    if (this.over) return;
    this.over = true;
    await this.reader.cancel().catch(() => undefined);
  }
}

/**
 * Opens an attachment's content as the given actor and answers its bytes as they arrive, never the whole file at
 * once. `redirect=false`: by default Jira Cloud answers 303 to its media service ("Get attachment content",
 * developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments); with it Jira answers 200
 * with the bytes itself, so no other host needs an egress entry and nothing depends on requestJira following a
 * redirect.
 */
export const openAttachment = async (
  attachmentId: string,
  expectedSize: number,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<AttachmentBytes> => {
  if (!ATTACHMENT_ID.test(attachmentId)) {
    throw new JiraError(JiraErrorCode.RequestFailed, 'Not a Jira attachment id; no request made.');
  }
  const where = `GET /rest/api/3/attachment/content/${attachmentId}`;
  let response: JiraResponse;
  try {
    response = await requestJira(route`/rest/api/3/attachment/content/${attachmentId}?redirect=false`, {
      method: 'GET',
      headers: { Accept: '*/*' },
    });
  } catch (error) {
    throw new JiraError(JiraErrorCode.RequestFailed, `${where} failed: no answer from Jira.`, { cause: error });
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw (
      accessStatusError(response.status, where) ??
      new JiraError(JiraErrorCode.RequestFailed, `${where} answered ${response.status}.`, { status: response.status })
    );
  }
  if (!isByteStream(response.body)) {
    throw new JiraError(
      JiraErrorCode.RequestFailed,
      `${where} answered 200, but its body cannot be read as a stream.`,
      { status: 200 },
    );
  }
  // A length that already disagrees fails before any byte is read, let alone uploaded.
  const length = response.headers?.get('content-length');
  if (length !== undefined && length !== null && /^\d+$/.test(length.trim()) && Number(length) !== expectedSize) {
    await response.body.cancel().catch(() => undefined);
    throw new JiraError(
      JiraErrorCode.ResponseInvalid,
      `${where} answered ${Number(length)} bytes; the attachment has ${expectedSize}.`,
      {
        status: 200,
      },
    );
  }
  return new CheckedPieces(response.body.getReader(), expectedSize, where);
};

/** The whole attachment in memory: for what is bounded anyway (previews, files under Graph's 3 MB). */
export const downloadAttachment = async (
  attachmentId: string,
  expectedSize: number,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<Uint8Array> => {
  const bytes = new Uint8Array(expectedSize);
  let offset = 0;
  // checkedPieces never yields past expectedSize, so every piece fits.
  for await (const piece of await openAttachment(attachmentId, expectedSize, requestJira)) {
    bytes.set(piece, offset);
    offset += piece.byteLength;
  }
  return bytes;
};
