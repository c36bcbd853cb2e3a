import { createHash } from 'node:crypto';

/**
 * The bytes of an attachment, however the site holds them: a seeded file in memory, or a generated one that exists
 * only as a recipe, so a test can attach 150 MB without anyone holding 150 MB.
 */
export interface AttachmentContent {
  readonly size: number;
  /** Bytes `start` to `end` inclusive, in one buffer. */
  bytes: (start?: number, end?: number) => Buffer;
  /** The same bytes as a stream whose pieces are made only as they are read. */
  stream: (start?: number, end?: number) => ReadableStream<Uint8Array>;
}

/** What a stream hands over at a time, as a network body would. */
const PIECE_BYTES = 64 * 1024;

const lazyStream = (
  start: number,
  end: number,
  make: (from: number, to: number) => Uint8Array,
): ReadableStream<Uint8Array> => {
  let next = start;
  return new ReadableStream<Uint8Array>(
    {
      pull: (controller) => {
        if (next > end) {
          controller.close();
          return;
        }
        const to = Math.min(next + PIECE_BYTES, end + 1);
        controller.enqueue(make(next, to));
        next = to;
      },
    },
    // Nothing is made ahead of the reader.
    { highWaterMark: 0 },
  );
};

export const storedContent = (stored: Buffer): AttachmentContent => ({
  size: stored.length,
  bytes: (start = 0, end = stored.length - 1) => stored.subarray(start, end + 1),
  stream: (start = 0, end = stored.length - 1) =>
    lazyStream(start, end, (from, to) => new Uint8Array(stored.subarray(from, to))),
});

/** Bytes are made in blocks of this size, each from its own seed, so any range can be made without the rest. */
const BLOCK_BYTES = 64 * 1024;

/** Block `index` of the pattern `seed`: xorshift32 from a state mixing both, four bytes per step. */
const patternBlock = (seed: number, index: number): Uint8Array => {
  const block = new Uint8Array(BLOCK_BYTES);
  const words = new Uint32Array(block.buffer);
  let state = (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0 || 1;
  for (let i = 0; i < words.length; i += 1) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    words[i] = state;
  }
  return block;
};

/** Bytes `from` (inclusive) to `to` (exclusive) of the pattern `seed`. */
const patternBytes = (seed: number, from: number, to: number): Uint8Array => {
  const out = new Uint8Array(to - from);
  for (let at = from; at < to;) {
    const index = Math.floor(at / BLOCK_BYTES);
    const offset = at - index * BLOCK_BYTES;
    const take = Math.min(BLOCK_BYTES - offset, to - at);
    out.set(patternBlock(seed, index).subarray(offset, offset + take), at - from);
    at += take;
  }
  return out;
};

/**
 * A file of `size` bytes made from `seed`: the same bytes on every run and machine (see generatedSha256), made
 * only when read. What the local site holds for a very large attachment.
 */
export const generatedContent = (seed: number, size: number): AttachmentContent => {
  if (!Number.isSafeInteger(size) || size < 0)
    throw new RangeError(`A generated attachment needs a size of 0 bytes or more, not ${size}.`);
  return {
    size,
    bytes: (start = 0, end = size - 1) => Buffer.from(patternBytes(seed, start, end + 1).buffer),
    stream: (start = 0, end = size - 1) => lazyStream(start, end, (from, to) => patternBytes(seed, from, to)),
  };
};

/** The SHA-256 (hex) of generatedContent(seed, size), computed a block at a time. */
export const generatedSha256 = (seed: number, size: number): string => {
  const hash = createHash('sha256');
  for (let at = 0; at < size; at += BLOCK_BYTES) hash.update(patternBytes(seed, at, Math.min(at + BLOCK_BYTES, size)));
  return hash.digest('hex');
};
