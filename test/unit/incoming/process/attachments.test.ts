import { asPieces, hashingPieces, readWhole } from '../../../../src/incoming/process/attachment-bytes';
import { DEFAULT_ATTACHMENT_FILTERS, skipReason } from '../../../../src/incoming/process/attachment-filters';
import { processMessage } from '../../../../src/incoming/process/process-message';
import { sha256Hex } from '../../../../src/shared/sha256-hex';
import { attachment, bytesOf, FakeMailbox, inboundMessage, processWorld } from './process-world';

const JOB = { handlerId: 'h-support', messageId: 'AAMk-1' };
const KB = 1024;

describe('skipReason: the attachment filters and their defaults', () => {
  const info = (overrides: Parameters<typeof attachment>[3] = {}, size = 50 * KB) =>
    attachment('a', 'report.pdf', new Uint8Array(0), { size, ...overrides }).info;
  it.each([
    ['a file', info(), false, undefined],
    ['a file over 25 MB', info({}, 25 * KB * KB + 1), false, 'too-large'],
    ['winmail.dat, in any case', info({ name: 'WinMail.DAT' }), false, 'skipped-name'],
    ['an S/MIME signature', info({ name: 'smime.p7s' }), false, 'skipped-name'],
    ['a cloud link', info({ kind: 'reference' }), false, 'no-bytes'],
    ['an attached email', info({ kind: 'item', name: 'Fwd' }), false, undefined],
    ['a shown inline image', info({ isInline: true, contentType: 'image/png' }), true, undefined],
    [
      'a shown tiny inline image',
      info({ isInline: true, contentType: 'image/png' }, 3 * KB),
      true,
      'tiny-inline-image',
    ],
    [
      'an inline image the new part does not show',
      info({ isInline: true, contentType: 'image/png' }),
      false,
      'not-shown-inline',
    ],
    ['an inline file of an RTF mail', info({ isInline: true }), false, undefined],
    ['a tiny image that is not inline', info({ contentType: 'image/png' }, 1 * KB), false, undefined],
  ] as const)('%s', (_name, attachmentInfo, inline, reason) => {
    expect(skipReason({ attachment: attachmentInfo, inline }, DEFAULT_ATTACHMENT_FILTERS)).toBe(reason);
  });
});

describe('attachment bytes', () => {
  it('hashes whole and streamed bytes alike (SHA-256, as sha256Hex)', async () => {
    const bytes = bytesOf('abc', 1000);
    const whole = await readWhole(asPieces(bytes));
    expect(whole.sha256).toBe(sha256Hex('abc'.repeat(1000)));
    const hashing = hashingPieces(asPieces(bytes));
    expect((await readWhole(hashing.pieces)).bytes).toEqual(bytes);
    expect(hashing.digest()).toBe(whole.sha256);
  });
});

describe('processMessage: attachments go to the issue, filtered and deduplicated', () => {
  const png = (id: string, contentId: string, bytes: Uint8Array) =>
    attachment(id, `${id}.png`, bytes, { contentType: 'image/png', isInline: true, contentId });

  it('uploads the kept ones once each, shows the inline image in place, and skips the rest', async () => {
    const world = processWorld();
    const report = bytesOf('%PDF report', 2000);
    const screenshot = bytesOf('PNG screenshot', 1000);
    const html =
      '<p>See the screenshot:</p><p><img src="cid:shot@01" alt="screen"></p>' +
      '<div>-- <br><img src="cid:logo@01"></div>';
    const mailbox = new FakeMailbox('support@contoso.com').put(
      inboundMessage({
        subject: 'RE: [DEMO-2] Printer',
        body: { contentType: 'html', content: html },
        hasAttachments: true,
      }),
      [
        attachment('a1', 'report.pdf', report),
        attachment('a2', 'report copy.pdf', report),
        attachment('a3', 'winmail.dat', bytesOf('tnef')),
        attachment('a4', 'huge.zip', bytesOf('z', 2048), { size: 2 * 1024 * 1024 }),
        png('i1', 'shot@01', screenshot),
        png('i2', 'logo@01', bytesOf('tiny logo')),
        png('i3', 'quoted@01', bytesOf('PNG from the quoted mail', 500)),
      ],
    );
    world.jira.seed('DEMO-2');
    const deps = world.depsFor(
      mailbox,
      {},
      { attachmentFilters: { maxBytes: 1024 * 1024, skipNames: ['winmail.dat'] } },
    );
    expect(await processMessage(JOB, deps)).toMatchObject({ outcome: 'commented' });
    const issue = world.jira.issue('DEMO-2');
    expect(issue.attachments.map((one) => [one.name, one.contentType])).toEqual([
      ['i1.png', 'image/png'],
      ['report.pdf', 'application/pdf'],
    ]);
    expect(issue.attachments[1]!.bytes).toEqual(report);
    expect(issue.attachments[0]!.bytes).toEqual(screenshot);
    const body = JSON.stringify(issue.comments[0]!.body);
    expect(body).toContain(`"id":"media-${issue.attachments[0]!.id}"`);
    expect(body).not.toContain('inlineImagePlaceholder');
    expect(mailbox.called('openAttachment')).toBe(3);
  });

  it('skips one that turns out too large while downloading, and takes the others', async () => {
    const world = processWorld();
    const mailbox = new FakeMailbox('support@contoso.com').put(inboundMessage({ hasAttachments: true }), [
      attachment('a1', 'liar.bin', bytesOf('x', 4096), { size: 10 }),
      attachment('a2', 'notes.txt', bytesOf('notes'), { contentType: 'text/plain' }),
    ]);
    const deps = world.depsFor(mailbox, {}, { attachmentFilters: { maxBytes: 1024 } });
    expect(await processMessage(JOB, deps)).toMatchObject({ outcome: 'created' });
    expect(world.jira.issue('DEMO-1').attachments.map((one) => one.name)).toEqual(['notes.txt']);
    expect(world.warnings).toContain('incoming mail: attachment a1 skipped: too-large');
  });

  it('a new issue shows its inline images once they are uploaded to it', async () => {
    const world = processWorld();
    const html = '<p>Broken:</p><p><img src="cid:shot@01" alt="screen"></p>';
    const mailbox = new FakeMailbox('support@contoso.com').put(
      inboundMessage({ body: { contentType: 'html', content: html } }),
      [png('i1', 'shot@01', bytesOf('PNG', 5000))],
    );
    expect(await processMessage(JOB, world.depsFor(mailbox))).toMatchObject({ outcome: 'created' });
    const issue = world.jira.issue('DEMO-1');
    expect(world.jira.createRequests[0]!.description.content).toContainEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: '[screen]' }],
    });
    expect(JSON.stringify(issue.description)).toContain(`"id":"media-${issue.attachments[0]!.id}"`);
  });

  it.each([
    ['from the attachment metadata when the upload answer has none', true, 'media'],
    ['by its alt text when Jira gives no media id at all', false, 'alt'],
  ] as const)('shows an inline image %s', async (_name, withMetadata, shown) => {
    const world = processWorld();
    const html = '<p>Broken:</p><p><img src="cid:shot@01" alt="screen"></p>';
    const mailbox = new FakeMailbox('support@contoso.com').put(
      inboundMessage({ subject: 'RE: [DEMO-2] Printer', body: { contentType: 'html', content: html } }),
      [png('i1', 'shot@01', bytesOf('PNG', 5000))],
    );
    world.jira.seed('DEMO-2');
    // Jira's "Add attachment" answers Attachment beans: no mediaApiFileId (AttachmentMetadata has it).
    const upload = world.jira.uploadAttachment;
    const asked: string[] = [];
    Object.assign(world.jira, {
      uploadAttachment: async (...args: Parameters<typeof upload>) => ({ id: (await upload(...args)).id }),
      ...(withMetadata
        ? {
            mediaIdOf: async (id: string) => {
              asked.push(id);
              return `meta-${id}`;
            },
          }
        : {}),
    });
    expect(await processMessage(JOB, world.depsFor(mailbox))).toMatchObject({ outcome: 'commented' });
    const issue = world.jira.issue('DEMO-2');
    const body = JSON.stringify(issue.comments[0]!.body);
    if (shown === 'media') {
      expect(asked).toEqual([issue.attachments[0]!.id]);
      expect(body).toContain(`"id":"meta-${issue.attachments[0]!.id}"`);
    } else expect(body).toContain('"text":"[screen]"');
  });

  it('keeps the new issue when copying its attachments fails, and says so in the log', async () => {
    const world = processWorld();
    const mailbox = new FakeMailbox('support@contoso.com').put(inboundMessage({ hasAttachments: true }), [
      attachment('a1', 'report.pdf', bytesOf('pdf')),
    ]);
    world.jira.failBefore.set('uploadAttachment', new Error('upload broke'));
    expect(await processMessage(JOB, world.depsFor(mailbox))).toMatchObject({ outcome: 'created' });
    expect(world.warnings).toContain('incoming mail: attachments of new issue DEMO-1 not all copied: Error');
  });

  it('names an attached email .eml and does not list attachments of a message without any', async () => {
    const world = processWorld();
    const mailbox = new FakeMailbox('support@contoso.com').put(inboundMessage({ hasAttachments: true }), [
      attachment('a1', 'Fwd: Order', bytesOf('From: a@b.example'), { kind: 'item', contentType: undefined }),
    ]);
    await processMessage(JOB, world.depsFor(mailbox));
    expect(world.jira.issue('DEMO-1').attachments.map((one) => [one.name, one.contentType])).toEqual([
      ['Fwd: Order.eml', 'message/rfc822'],
    ]);
    const plain = new FakeMailbox('support@contoso.com').put(
      inboundMessage({ id: 'AAMk-2', internetMessageId: '<p@x.example>' }),
    );
    await processMessage({ ...JOB, messageId: 'AAMk-2' }, world.depsFor(plain));
    expect(plain.called('listAttachments')).toBe(0);
  });
});
