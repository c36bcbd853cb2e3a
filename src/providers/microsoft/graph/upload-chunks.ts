import { AttachmentSourceError } from './errors';

/** An upload's bytes: the whole file in memory, or its pieces as they arrive (a Jira download) and their total. */
export type UploadSource = Uint8Array | { size: number; pieces: AsyncIterable<Uint8Array> };

export const uploadSourceSize = (source: UploadSource): number =>
  source instanceof Uint8Array ? source.byteLength : source.size;

/**
 * Hands out an upload's chunks, reading the source only as far as the chunk asked for needs. It holds the last
 * chunk it handed out (until the service has it, part of it may be asked for again) and the rest of the source's
 * last piece: about one chunk plus one piece, whatever the file's size.
 */
export class UploadChunks {
  readonly total: number;
  /** A file in memory is a source of one piece. */
  private readonly source: Iterator<Uint8Array> | AsyncIterator<Uint8Array>;
  /** Bytes read and not yet behind the service's next expected start, in order. */
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  /** Where in the file `held` starts. */
  private heldFrom = 0;
  private ended = false;

  constructor(source: UploadSource) {
    this.total = uploadSourceSize(source);
    this.source = source instanceof Uint8Array ? [source].values() : source.pieces[Symbol.asyncIterator]();
  }

  /** Bytes `start` to `end` inclusive, on their own buffer; `start` is never before the last chunk's start. */
  async chunk(start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
    this.forgetBefore(start);
    const length = end - start + 1;
    const last = end === this.total - 1;
    // The last chunk also reads the source to its end, so a source that promised fewer bytes than it has fails
    // before the file is complete instead of after.
    while (!this.ended && (this.heldBytes < length || (last && this.heldBytes === length))) await this.pull();
    if (this.heldBytes < length) {
      throw new AttachmentSourceError(
        `The attachment's source ended after ${this.heldFrom + this.heldBytes} bytes; its size is ${this.total}.`,
      );
    }
    if (last && this.heldBytes > length) {
      throw new AttachmentSourceError(`The attachment's source has more than its size of ${this.total} bytes.`);
    }
    const chunk = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const piece = this.held.shift() as Uint8Array;
      const used = Math.min(piece.byteLength, length - filled);
      chunk.set(piece.subarray(0, used), filled);
      filled += used;
      if (used < piece.byteLength) this.held.unshift(piece.subarray(used));
    }
    // The copy stands in for the pieces it came from: the chunk is held once, not twice.
    this.held.unshift(chunk);
    return chunk;
  }

  /** Stops reading; the source is told, so that a download still running ends. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.source.return?.();
  }

  private async pull(): Promise<void> {
    const step = await this.source.next();
    if (step.done === true) {
      this.ended = true;
      return;
    }
    if (step.value.byteLength === 0) return;
    this.held.push(step.value);
    this.heldBytes += step.value.byteLength;
  }

  private forgetBefore(start: number): void {
    if (start < this.heldFrom) {
      throw new AttachmentSourceError(
        `Byte ${start} was asked for again after the upload had moved past it to ${this.heldFrom}.`,
      );
    }
    let drop = start - this.heldFrom;
    while (drop > 0) {
      const first = this.held[0];
      if (first === undefined)
        throw new AttachmentSourceError(`Byte ${start} was asked for before the bytes ahead of it were read.`);
      if (first.byteLength <= drop) {
        this.held.shift();
        drop -= first.byteLength;
        this.heldBytes -= first.byteLength;
        this.heldFrom += first.byteLength;
      } else {
        this.held[0] = first.subarray(drop);
        this.heldBytes -= drop;
        this.heldFrom += drop;
        drop = 0;
      }
    }
  }
}

/** A streamed file read whole, checked against its size like any upload: only for files known to be small. */
export const readWhole = async (source: { size: number; pieces: AsyncIterable<Uint8Array> }): Promise<Uint8Array> => {
  const chunks = new UploadChunks(source);
  try {
    return await chunks.chunk(0, source.size - 1);
  } finally {
    await chunks.close().catch(() => undefined);
  }
};
