import PostalMime from 'postal-mime';

import type { OutgoingMessage } from '../../../../../src/mail-model/outgoing-message';
import {
  buildMimeMessage,
  estimateMimeBytes,
  type MimeMessageInput,
  mimeMessageStream,
} from '../../../../../src/providers/google/gmail/mime-message';

const DATE = new Date('2026-12-07T01:00:00.000Z');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]);
const PDF = Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000), 'latin1');

const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  subject: 'Re: [DEMO-2] Bestellung für Müller ✓',
  html: '<p>Hallo <img src="cid:logo@issue-mailer"></p>',
  to: ['ann@example.com'],
  cc: ['cy@example.com'],
  bcc: ['hidden@example.com'],
  replyTo: ['desk@example-google.test'],
  headers: [
    { name: 'x-issue-mailer-issue', value: 'DEMO-2' },
    { name: 'x-issue-mailer-email', value: 'e-1' },
  ],
  internetMessageId: '<e-1.demo-2@example-google.test>',
  attachments: [
    { name: 'logo.png', contentType: 'image/png', bytes: PNG, isInline: true, contentId: 'logo@issue-mailer' },
    { name: 'Angebot Ü.pdf', contentType: 'application/pdf', bytes: PDF },
  ],
  ...overrides,
});

const input = (overrides: Partial<OutgoingMessage> = {}): MimeMessageInput => ({
  sender: { address: 'support@example-google.test', displayName: 'Support Désk' },
  message: message(overrides),
  threading: { inReplyTo: '<a@x.test>', references: ['<root@x.test>', '<a@x.test>'] },
  date: DATE,
});

const readAll = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(Buffer.from(piece as Buffer));
  return Buffer.concat(pieces);
};

describe('buildMimeMessage', () => {
  it('keeps every header, Bcc included, with a UTF-8 subject', async () => {
    const raw = await buildMimeMessage(input());
    const parsed = await PostalMime.parse(raw);
    expect(parsed.subject).toBe('Re: [DEMO-2] Bestellung für Müller ✓');
    expect(parsed.from).toEqual({ address: 'support@example-google.test', name: 'Support Désk' });
    expect(parsed.to).toEqual([{ address: 'ann@example.com', name: '' }]);
    expect(parsed.cc).toEqual([{ address: 'cy@example.com', name: '' }]);
    expect(parsed.bcc).toEqual([{ address: 'hidden@example.com', name: '' }]);
    expect(parsed.replyTo).toEqual([{ address: 'desk@example-google.test', name: '' }]);
    expect(parsed.messageId).toBe('<e-1.demo-2@example-google.test>');
    expect(parsed.inReplyTo).toBe('<a@x.test>');
    expect(parsed.references).toBe('<root@x.test> <a@x.test>');
    expect(parsed.date).toBe('2026-12-07T01:00:00.000Z');
    const header = (key: string) => parsed.headers.filter((h) => h.key === key).map((h) => h.value);
    expect(header('x-issue-mailer-issue')).toEqual(['DEMO-2']);
    expect(header('x-issue-mailer-email')).toEqual(['e-1']);
    expect(header('x-mailer')).toEqual([]);
    expect(parsed.html).toBe('<p>Hallo <img src="cid:logo@issue-mailer"></p>');
    expect(parsed.text).toBeUndefined();
  });

  it('puts an inline image beside the HTML in multipart/related and keeps attachment bytes', async () => {
    const raw = await buildMimeMessage(input());
    expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/related;/);
    const parsed = await PostalMime.parse(raw);
    expect(parsed.attachments.map((a) => [a.filename, a.mimeType, a.disposition, a.contentId ?? null])).toEqual([
      ['logo.png', 'image/png', 'inline', '<logo@issue-mailer>'],
      ['Angebot Ü.pdf', 'application/pdf', 'attachment', null],
    ]);
    expect(Buffer.from(parsed.attachments[0]?.content as ArrayBuffer)).toEqual(Buffer.from(PNG));
    expect(Buffer.from(parsed.attachments[1]?.content as ArrayBuffer)).toEqual(PDF);
  });

  it('leaves out empty Cc, Bcc, Reply-To and threading headers', async () => {
    const raw = await buildMimeMessage({
      sender: { address: 'support@example-google.test' },
      message: message({ cc: [], bcc: [], replyTo: [], attachments: [] }),
      date: DATE,
    });
    const text = raw.toString('latin1');
    expect(text).not.toMatch(/^(Cc|Bcc|Reply-To|In-Reply-To|References):/im);
    expect(text).toMatch(/^From: support@example-google\.test\r$/m);
  });
});

describe('mimeMessageStream', () => {
  it('reads a streamed attachment only while the message is read, and its bytes arrive whole', async () => {
    const big = Buffer.alloc(300_000, 7);
    let opened = 0;
    const stream = mimeMessageStream(
      input({
        attachments: [
          {
            name: 'big.bin',
            contentType: 'application/octet-stream',
            size: big.byteLength,
            open: async () => {
              opened += 1;
              return (async function* () {
                for (let at = 0; at < big.byteLength; at += 65_536) yield big.subarray(at, at + 65_536);
              })();
            },
          },
        ],
      }),
    );
    expect(opened).toBe(0);
    const raw = await readAll(stream);
    expect(opened).toBe(1);
    const parsed = await PostalMime.parse(raw);
    expect(parsed.attachments).toHaveLength(1);
    expect(Buffer.from(parsed.attachments[0]?.content as ArrayBuffer)).toEqual(big);
  });
});

describe('estimateMimeBytes', () => {
  it('is a little over the real size and reads no attachment', async () => {
    const real = (await buildMimeMessage(input())).byteLength;
    const estimate = await estimateMimeBytes(input());
    expect(estimate).toBeGreaterThanOrEqual(real);
    expect(estimate - real).toBeLessThan(2_000);
  });
});
