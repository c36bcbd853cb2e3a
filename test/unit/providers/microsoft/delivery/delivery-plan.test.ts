import { MessageTooLargeError } from '../../../../../src/delivery/errors';
import type { MailAttachment, MailMessage } from '../../../../../src/mail-model/outgoing-message';
import {
  MAX_MESSAGE_BYTES,
  MAX_REQUEST_BYTES,
  planDelivery,
  UPLOAD_CHUNK_BYTES,
  UPLOAD_SESSION_MIN_BYTES,
  uploadChunks,
} from '../../../../../src/providers/microsoft/delivery/delivery-plan';
import { sendMailBodyBytes, toSendMailBody } from '../../../../../src/providers/microsoft/graph/mail-message';

const MIB = 1024 * 1024;

const file = (size: number, name = `file-${size}.bin`): MailAttachment => ({
  name,
  contentType: 'application/octet-stream',
  bytes: new Uint8Array(size),
});

const message = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  subject: '[DEMO-1] Logs',
  html: '<p>Logs attached</p>',
  to: ['ada@example.com'],
  ...overrides,
});

/** The message with its HTML padded so the sendMail request is exactly `bytes` long. */
const requestOf = (bytes: number, attachments: MailAttachment[]): MailMessage => {
  const base = message({ html: '', attachments });
  return { ...base, html: 'x'.repeat(bytes - sendMailBodyBytes(base, true)) };
};

const refusal = (fn: () => unknown): MessageTooLargeError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof MessageTooLargeError) return error;
    throw error;
  }
  throw new Error('expected MessageTooLargeError');
};

describe('delivery plan', () => {
  it('names Graph and Exchange limits exactly', () => {
    expect([MAX_REQUEST_BYTES, MAX_MESSAGE_BYTES, UPLOAD_SESSION_MIN_BYTES, UPLOAD_CHUNK_BYTES]).toEqual([
      4_194_304, 157_286_400, 3_000_000, 3_932_160,
    ]);
    expect(UPLOAD_CHUNK_BYTES % (320 * 1024)).toBe(0);
  });

  it.each([
    ['ASCII, no attachments', message()],
    [
      'non-ASCII HTML and names, odd sizes',
      message({ html: '<p>Grüße — 日本語 "quoted"</p>', attachments: [file(1, 'ü.txt'), file(2), file(3), file(712)] }),
    ],
    [
      'headers, Message-ID, inline image',
      message({
        headers: [{ name: 'x-issue', value: 'DEMO-1' }],
        internetMessageId: '<a.b@contoso.com>',
        attachments: [{ ...file(10), isInline: true, contentId: 'logo' }],
      }),
    ],
  ])('computes the sendMail request size exactly (%s)', (_name, mail) => {
    expect(sendMailBodyBytes(mail, true)).toBe(Buffer.byteLength(JSON.stringify(toSendMailBody(mail, true)), 'utf8'));
  });

  it.each([
    [MAX_REQUEST_BYTES - 1, 'single'],
    [MAX_REQUEST_BYTES, 'draft'],
  ])('sends a request of %i bytes as %s', (bytes, kind) => {
    const plan = planDelivery(requestOf(bytes, [file(1_000_000)]));
    expect(plan).toMatchObject({ kind, requestBytes: bytes });
  });

  it.each([
    [2_990_000, 'post'],
    [UPLOAD_SESSION_MIN_BYTES - 1, 'post'],
    [UPLOAD_SESSION_MIN_BYTES, 'upload-session'],
  ])('in a draft, adds an attachment of %i bytes by %s', (size, how) => {
    const target = file(size, 'target.bin');
    const plan = planDelivery(message({ attachments: [target, file(1_500_000, 'filler.bin')] }));
    if (plan.kind !== 'draft') throw new Error('expected a draft');
    expect(plan.attachments.map((entry) => [entry.attachment.name, entry.how])).toEqual([
      ['target.bin', how],
      ['filler.bin', 'post'],
    ]);
    expect(plan.attachments[0]?.attachment).toBe(target);
  });

  it('takes attachments of exactly 150 MB in all', () => {
    const plan = planDelivery(message({ attachments: [file(MAX_MESSAGE_BYTES - 712), file(712)] }));
    expect(plan.kind).toBe('draft');
    expect(plan.kind === 'draft' && plan.attachments.map((entry) => entry.how)).toEqual(['upload-session', 'post']);
  });

  it('refuses attachments of 150 MB and 1 byte before anything is sent', () => {
    const error = refusal(() => planDelivery(message({ attachments: [file(MAX_MESSAGE_BYTES), file(1)] })));
    expect(error).toMatchObject({
      code: 'MESSAGE_TOO_LARGE',
      totalBytes: MAX_MESSAGE_BYTES + 1,
      limitBytes: MAX_MESSAGE_BYTES,
    });
    expect(error.message).toBe(
      'The attachments add up to 150.1 MB; a message can carry at most 150 MB. Leave some attachments out.',
    );
  });

  it.each([
    [3_401_005, 1, { start: 0, end: 3_401_004 }, { start: 0, end: 3_401_004 }],
    [10_000_000, 3, { start: 0, end: 3_932_159 }, { start: 7_864_320, end: 9_999_999 }],
    [150 * MIB, 40, { start: 0, end: 3_932_159 }, { start: 153_354_240, end: 157_286_399 }],
  ])('uploads %i bytes in %i chunks', (size, count, first, last) => {
    const chunks = uploadChunks(size);
    expect(chunks).toHaveLength(count);
    expect(chunks[0]).toEqual(first);
    expect(chunks.at(-1)).toEqual(last);
    // Contiguous, each a whole chunk but the last.
    chunks.forEach((chunk, index) => {
      expect(chunk.start).toBe(index * UPLOAD_CHUNK_BYTES);
      if (index < chunks.length - 1) expect(chunk.end - chunk.start + 1).toBe(UPLOAD_CHUNK_BYTES);
    });
  });
});
