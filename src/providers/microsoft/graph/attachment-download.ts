import { GraphError, GraphErrorCode } from './errors';
import { DEFAULT_GRAPH_TIMEOUT_MS, describeCall, graphAnswer, type GraphClientDeps } from './graph-request';
import { goneAs, InboundErrorCode, InboundGraphError } from './inbound-errors';
import { messageUrl } from './inbound-message';
import { type InboundReceipt, preferHeaders, segment } from './inbound-request';

/** An attachment's bytes as Graph sends them, read only as fast as they are asked for. */
export interface AttachmentContent {
  /** The answer's Content-Type: the file's own (message/rfc822 for an attached email). */
  contentType: string | undefined;
  /** Content-Length, when Graph sent one; the pieces then add up to exactly this. */
  size: number | undefined;
  /** Read to the end, or stopped early (`return()`, e.g. a `break`), which cancels the download. */
  pieces: AsyncIterable<Uint8Array>;
  receipt: InboundReceipt;
}

export interface DownloadLimits {
  /** The most bytes taken; more is InboundGraphError GRAPH_ATTACHMENT_TOO_LARGE and the download is cancelled. */
  maxBytes: number;
  /** The longest wait for the next piece (default: a Graph call's timeout). */
  readTimeoutMs?: number;
}

const isByteStream = (body: unknown): body is ReadableStream<Uint8Array> =>
  typeof body === 'object' && body !== null && typeof (body as { getReader?: unknown }).getReader === 'function';

const tooLarge = (where: string, maxBytes: number, receipt: InboundReceipt): InboundGraphError =>
  new InboundGraphError(InboundErrorCode.AttachmentTooLarge, `${where} answered over ${maxBytes} bytes; not taken.`, {
    status: 200,
    ...(receipt.requestId === undefined ? {} : { requestId: receipt.requestId }),
    clientRequestId: receipt.clientRequestId,
  });

const READ_TIMED_OUT = Symbol('read timed out');

/**
 * The body's pieces, counted against the limit and against Content-Length, each waited for at most
 * `readTimeoutMs`. Stopping early or failing cancels the download, so no socket stays open.
 */
class LimitedPieces implements AsyncIterableIterator<Uint8Array> {
  private received = 0;
  private over = false;

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly where: string,
    private readonly size: number | undefined,
    private readonly limits: Required<DownloadLimits>,
    private readonly receipt: InboundReceipt,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<Uint8Array, undefined>> {
    if (this.over) return { done: true, value: undefined };
    const step = await this.read();
    if (step.done) {
      this.over = true;
      if (this.size !== undefined && this.received !== this.size)
        throw this.invalid(`answered ${this.received} bytes of the ${this.size} its Content-Length said`);
      return { done: true, value: undefined };
    }
    if (!(step.value instanceof Uint8Array)) {
      await this.stop();
      throw this.invalid('answered 200 with a body that is not bytes');
    }
    this.received += step.value.byteLength;
    if (this.size !== undefined && this.received > this.size) {
      await this.stop();
      throw this.invalid(`answered over the ${this.size} bytes its Content-Length said`);
    }
    if (this.received > this.limits.maxBytes) {
      await this.stop();
      throw tooLarge(this.where, this.limits.maxBytes, this.receipt);
    }
    return { done: false, value: step.value };
  }

  async return(): Promise<IteratorResult<Uint8Array, undefined>> {
    await this.stop();
    return { done: true, value: undefined };
  }

  private async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<typeof READ_TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(READ_TIMED_OUT), this.limits.readTimeoutMs);
    });
    let step: ReadableStreamReadResult<Uint8Array> | typeof READ_TIMED_OUT;
    try {
      step = await Promise.race([this.reader.read(), timedOut]);
    } catch (error) {
      await this.stop();
      throw new GraphError(
        GraphErrorCode.Unreachable,
        `${this.where} answered 200, but reading its body failed after ${this.received} bytes.`,
        { status: 200, cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
    if (step === READ_TIMED_OUT) {
      await this.stop();
      throw new GraphError(GraphErrorCode.Timeout, `${this.where} timed out after ${this.received} bytes.`, {
        status: 200,
      });
    }
    return step;
  }

  private invalid(problem: string): GraphError {
    return new GraphError(GraphErrorCode.ResponseInvalid, `${this.where} ${problem}.`, {
      status: 200,
      ...(this.receipt.requestId === undefined ? {} : { requestId: this.receipt.requestId }),
    });
  }

  private async stop(): Promise<void> {
    if (this.over) return;
    this.over = true;
    await this.reader.cancel().catch(() => undefined);
  }
}

const NO_PIECES: AsyncIterable<Uint8Array> = {
  [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
};

const contentLength = (headers: Headers): number | undefined => {
  const value = headers.get('content-length')?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
};

/**
 * `GET /users/{mailbox}/messages/{id}/attachments/{id}/$value` (Mail.Read,
 * https://learn.microsoft.com/en-us/graph/api/attachment-get?view=graph-rest-1.0): the raw bytes, streamed as the
 * outbound large-attachment path streams its upload (never the whole file, nor base64, in memory). Retries 429/503/504
 * like every Graph call until the bytes start; the attempt's timeout covers the answer's headers, each piece then
 * has `readTimeoutMs`. A length over `maxBytes`, announced or counted, is GRAPH_ATTACHMENT_TOO_LARGE. A reference
 * attachment has no bytes: 405, a GraphError. A plain 404 is GRAPH_ITEM_GONE (item `attachment`).
 */
export const openInboundAttachment = (
  mailbox: string,
  messageId: string,
  attachmentId: string,
  limits: DownloadLimits,
  deps: GraphClientDeps,
): Promise<AttachmentContent> =>
  goneAs('attachment', async () => {
    const url = `${messageUrl(deps, mailbox, messageId)}/attachments/${segment(attachmentId)}/$value`;
    const where = describeCall('GET', url);
    const { response, ...receipt } = await graphAnswer(
      { method: 'GET', url, expect: [200], headers: { ...preferHeaders(), Accept: '*/*' } },
      deps,
      { timeBody: false },
    );
    const size = contentLength(response.headers);
    const contentType = response.headers.get('content-type') ?? undefined;
    // An empty file may come without a body at all.
    if (response.body === null && (size ?? 0) === 0) return { contentType, size: 0, pieces: NO_PIECES, receipt };
    if (!isByteStream(response.body)) {
      throw new GraphError(GraphErrorCode.ResponseInvalid, `${where} answered 200 without a body to stream.`, {
        status: 200,
      });
    }
    if (size !== undefined && size > limits.maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw tooLarge(where, limits.maxBytes, receipt);
    }
    const full = { maxBytes: limits.maxBytes, readTimeoutMs: limits.readTimeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS };
    return {
      contentType,
      size,
      pieces: new LimitedPieces(response.body.getReader(), where, size, full, receipt),
      receipt,
    };
  });
