import {
  CHUNK_CHARS,
  ContentTooLargeError,
  createEmailContentStore,
  type EmailContent,
  isInlineAttachment,
  MAX_CHUNKS,
} from '../../../src/outbox/email-contents';
import { ContentMissingError, OutboxRecordInvalidError } from '../../../src/outbox/errors';
import { MemoryKvStore } from '../support/memory-kv-store';

const ID = '00000000-0000-4000-8000-000000000001';

const content = (html: string): EmailContent => ({
  subject: '[DEMO-1] Grüße 👋',
  html,
  to: ['ada@example.com'],
  cc: ['grace@example.com'],
  bcc: ['ken@example.com'],
  headers: [{ name: 'x-issue-mailer-issue', value: 'DEMO-1' }],
  attachments: [
    { id: '10100', filename: 'shot.png', mimeType: 'image/png', size: 2000, contentId: 'image-10100@issue-mailer' },
    { id: '10101', filename: 'log.txt', mimeType: 'text/plain', size: 12 },
  ],
});

/** JSON bytes of content whose body is `bodyBytes` ASCII bytes. */
const jsonBytes = (bodyBytes: number) => Buffer.byteLength(JSON.stringify(content('x'.repeat(bodyBytes))), 'utf8');

const setup = () => {
  const kv = new MemoryKvStore();
  return { kv, store: createEmailContentStore(kv) };
};

describe('email contents', () => {
  it('keeps a 400,000-character body with multi-byte characters in 8 base64 chunks and reads it back the same', async () => {
    const { kv, store } = setup();
    // 100,000 each of 1, 2, 3 and 4 UTF-8 bytes (the emoji is 2 UTF-16 characters).
    const html = 'a'.repeat(100_000) + 'é'.repeat(100_000) + '€'.repeat(100_000) + '😀'.repeat(50_000);
    expect(html).toHaveLength(400_000);
    const email = content(html);

    await expect(store.write(ID, email)).resolves.toBe(8);

    const keys = [...kv.plain.keys()];
    expect(keys).toEqual(Array.from({ length: 8 }, (_, index) => `email-content:${ID}.${index}`));
    const chunks = keys.map((key) => kv.plain.get(key) as string);
    expect(chunks.slice(0, 7).every((chunk) => chunk.length === CHUNK_CHARS)).toBe(true);
    expect(chunks.every((chunk) => /^[A-Za-z0-9+/=]+$/.test(chunk) && Buffer.byteLength(chunk) < 240 * 1024)).toBe(
      true,
    );
    expect(chunks.join('')).toBe(Buffer.from(JSON.stringify(email), 'utf8').toString('base64'));
    await expect(store.read(ID, 8)).resolves.toEqual(email);
  });

  it('takes one chunk for a small email and reads back an attachment without contentId as such', async () => {
    const { store } = setup();
    await expect(store.write(ID, content('<p>Hi</p>'))).resolves.toBe(1);
    const read = await store.read(ID, 1);
    expect(read).toEqual(content('<p>Hi</p>'));
    expect(read.attachments[1]).not.toHaveProperty('contentId');
  });

  it(`writes up to ${MAX_CHUNKS} chunks and refuses more with ContentTooLargeError, writing nothing`, async () => {
    const { kv, store } = setup();
    // 40 chunks of base64 carry exactly 4,500,000 bytes of JSON.
    const fits = 4_500_000 - jsonBytes(0);
    await expect(store.write(ID, content('x'.repeat(fits)))).resolves.toBe(MAX_CHUNKS);

    const other = setup();
    const attempt = other.store.write(ID, content('x'.repeat(fits + 1)));
    await expect(attempt).rejects.toThrow(ContentTooLargeError);
    await expect(attempt).rejects.toMatchObject({
      code: 'EMAIL_CONTENT_TOO_LARGE',
      message: "The email's content is 4500001 bytes; Microsoft Graph takes at most 4 MB in one request.",
    });
    expect(other.kv.count('set')).toBe(0);
    expect(kv.plain.size).toBe(MAX_CHUNKS);
  });

  it('answers ContentMissingError when a chunk is gone', async () => {
    const { kv, store } = setup();
    await expect(store.write(ID, content('é'.repeat(200_000)))).resolves.toBe(4);
    kv.plain.delete(`email-content:${ID}.1`);
    const attempt = store.read(ID, 4);
    await expect(attempt).rejects.toThrow(ContentMissingError);
    await expect(attempt).rejects.toMatchObject({
      code: 'OUTBOX_CONTENT_MISSING',
      message: `The content of email ${ID} is no longer stored.`,
    });
  });

  it.each<[string, unknown[], string]>([
    ['a chunk that is not text', [42], 'The stored email content does not fit: a chunk is not text'],
    [
      'chunks that are not JSON',
      [Buffer.from('{"subject":').toString('base64')],
      'The stored email content does not fit: not JSON (SyntaxError)',
    ],
    [
      'JSON of another shape',
      [Buffer.from('{"subject":"s"}').toString('base64')],
      'The stored email content does not fit: html: Invalid input: expected string, received undefined',
    ],
  ])('answers OutboxRecordInvalidError for %s', async (_name, chunks, message) => {
    const { kv, store } = setup();
    chunks.forEach((chunk, index) => kv.plain.set(`email-content:${ID}.${index}`, chunk));
    const attempt = store.read(ID, chunks.length);
    await expect(attempt).rejects.toThrow(OutboxRecordInvalidError);
    await expect(attempt).rejects.toMatchObject({ code: 'OUTBOX_RECORD_INVALID', message });
  });

  it('deletes every chunk', async () => {
    const { kv, store } = setup();
    const chunks = await store.write(ID, content('€'.repeat(150_000)));
    expect(chunks).toBe(5);
    await store.delete(ID, chunks);
    expect(kv.plain.size).toBe(0);
  });

  it('reads whether a file is inline, and takes a content id for inline in emails queued before the flag', async () => {
    const { store } = setup();
    const email = content('<p>x</p>');
    email.attachments = [
      {
        id: '10100',
        filename: 'shot.png',
        mimeType: 'image/png',
        size: 2000,
        contentId: 'image-10100@issue-mailer',
        inline: false,
      },
      { id: '10102', filename: 'old.png', mimeType: 'image/png', size: 20, contentId: 'image-10102@issue-mailer' },
      { id: '10101', filename: 'log.txt', mimeType: 'text/plain', size: 12 },
    ];
    await store.write(ID, email);
    const read = await store.read(ID, 1);
    expect(read.attachments.map(isInlineAttachment)).toEqual([false, true, false]);
  });
});
