import { AttachmentSourceError } from '../../../../../src/providers/microsoft/graph/errors';
import { readWhole, UploadChunks } from '../../../../../src/providers/microsoft/graph/upload-chunks';

/** A source of the given pieces that counts how many were taken and whether it was stopped. */
const source = (pieces: number[][]) => {
  const log = { taken: 0, stopped: false };
  const iterator: AsyncIterableIterator<Uint8Array> = {
    [Symbol.asyncIterator]: () => iterator,
    next: async () => {
      const next = pieces[log.taken];
      if (next === undefined) return { done: true, value: undefined };
      log.taken += 1;
      return { done: false, value: Uint8Array.from(next) };
    },
    return: async () => {
      log.stopped = true;
      return { done: true, value: undefined };
    },
  };
  return { pieces: iterator, log };
};

const list = (bytes: Uint8Array) => [...bytes];

describe('UploadChunks', () => {
  it('takes pieces only as a chunk needs them, and hands out exact ranges across piece borders', async () => {
    const { pieces, log } = source([[0, 1, 2], [3, 4], [5, 6, 7, 8], [9]]);
    const chunks = new UploadChunks({ size: 10, pieces });
    expect(list(await chunks.chunk(0, 3))).toEqual([0, 1, 2, 3]);
    expect(log.taken).toBe(2);
    expect(list(await chunks.chunk(4, 7))).toEqual([4, 5, 6, 7]);
    expect(log.taken).toBe(3);
    expect(list(await chunks.chunk(8, 9))).toEqual([8, 9]);
    expect(log.taken).toBe(4);
  });

  it('hands out part of the last chunk again when the service asks for it', async () => {
    const { pieces } = source([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    const chunks = new UploadChunks({ size: 10, pieces });
    await chunks.chunk(0, 3);
    expect(list(await chunks.chunk(2, 5))).toEqual([2, 3, 4, 5]);
    expect(list(await chunks.chunk(6, 9))).toEqual([6, 7, 8, 9]);
  });

  it('refuses to go back before the last chunk it handed out', async () => {
    const { pieces } = source([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    const chunks = new UploadChunks({ size: 8, pieces });
    await chunks.chunk(0, 3);
    await chunks.chunk(4, 7);
    await expect(chunks.chunk(2, 5)).rejects.toThrow(
      new AttachmentSourceError('Byte 2 was asked for again after the upload had moved past it to 4.'),
    );
  });

  it.each([
    [[[0, 1], [2]], "The attachment's source ended after 3 bytes; its size is 4."],
    [[[0, 1], [2, 3], [4]], "The attachment's source has more than its size of 4 bytes."],
  ])('refuses a source of another length than its size (%#)', async (pieces, message) => {
    const chunks = new UploadChunks({ size: 4, pieces: source(pieces).pieces });
    const error = await chunks.chunk(0, 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentSourceError);
    expect(error).toMatchObject({ code: 'ATTACHMENT_SOURCE_INVALID', message });
  });

  it('stops the source when closed early, and not again once it ended', async () => {
    const early = source([
      [0, 1],
      [2, 3],
    ]);
    const chunks = new UploadChunks({ size: 4, pieces: early.pieces });
    await chunks.chunk(0, 1);
    await chunks.close();
    expect(early.log.stopped).toBe(true);

    const whole = source([[0, 1, 2, 3]]);
    await expect(readWhole({ size: 4, pieces: whole.pieces }).then(list)).resolves.toEqual([0, 1, 2, 3]);
    expect(whole.log.stopped).toBe(false);
  });

  it('reads bytes in memory as one source', async () => {
    const chunks = new UploadChunks(Uint8Array.from([9, 8, 7]));
    expect(chunks.total).toBe(3);
    expect(list(await chunks.chunk(0, 2))).toEqual([9, 8, 7]);
  });
});
