import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Up to this size an attachment is read whole before it is uploaded, so a duplicate is known before any upload. */
export const BUFFERED_ATTACHMENT_BYTES = 8 * 1024 * 1024;

export interface HashedBytes {
  bytes: Uint8Array;
  sha256: string;
}

/** Reads every piece into one array and hashes it (@noble/hashes, as src/shared/sha256-hex.ts). */
export const readWhole = async (pieces: AsyncIterable<Uint8Array>): Promise<HashedBytes> => {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, sha256: bytesToHex(sha256(bytes)) };
};

/** The bytes again as a stream, for the upload port. */
export const asPieces = (bytes: Uint8Array): AsyncIterable<Uint8Array> => ({
  [Symbol.asyncIterator]: () => {
    let sent = false;
    return {
      next: () => {
        if (sent) return Promise.resolve({ done: true, value: undefined });
        sent = true;
        return Promise.resolve({ done: false, value: bytes });
      },
    };
  },
});

/**
 * The pieces passed on unchanged as they are read (a large file is never whole in memory), hashed on the way with
 * @noble/hashes' incremental SHA-256; `digest()` gives the hex once the stream has been read to its end.
 */
export const hashingPieces = (
  pieces: AsyncIterable<Uint8Array>,
): { pieces: AsyncIterable<Uint8Array>; digest: () => string } => {
  const hasher = sha256.create();
  return {
    pieces: {
      [Symbol.asyncIterator]: () => {
        const source = pieces[Symbol.asyncIterator]();
        return {
          next: async () => {
            const step = await source.next();
            if (step.done !== true) hasher.update(step.value);
            return step;
          },
          return: async () => (source.return === undefined ? { done: true, value: undefined } : source.return()),
        };
      },
    },
    digest: () => bytesToHex(hasher.digest()),
  };
};
