import { inboundMailbox } from '../../../src/providers/microsoft/graph/inbound-mailbox';
import { globalFetch } from '../../../src/shared/seams';
import { postJson, sendMailUrl, simpleMessage, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';

/** The app's own Graph client for incoming mail (src/graph) against the emulator: the seam both sides share. */
describe("the app's inbound Graph client against the emulator", () => {
  const demo = useDemo({ limits: false });
  const box = () =>
    inboundMailbox(SUPPORT, {
      fetch: globalFetch,
      tokenProvider: { getAccessToken: () => Promise.resolve(demo.token) },
      graphBaseUrl: `${demo.emulator.graphBaseUrl}/v1.0`,
      env: { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' },
    });

  it('connects without history, hears a reply through delta, reads it and its attachment, marks it read and moves it', async () => {
    const mailbox = box();
    demo.emulator.seedMailbox({ mailbox: SUPPORT, count: 1000, newest: '2030-05-31T00:00:00Z' });
    const processed = await mailbox.ensureChildFolder('inbox', 'Processed by Issue Mailer');
    expect(processed.created).toBe(true);
    expect((await mailbox.ensureChildFolder('inbox', 'Processed by Issue Mailer')).created).toBe(false);
    const inbox = await mailbox.readFolder('inbox');
    expect(inbox.folder).toMatchObject({ totalItemCount: 1000 });

    let page = await mailbox.startDelta({ folderId: 'inbox', receivedSince: demo.clock.now() });
    while (page.next.kind === 'more') page = await mailbox.followDelta(page.next.nextLink);
    expect(page.entries).toEqual([]);
    if (page.next.kind !== 'done') throw new Error('no deltaLink');
    const deltaLink = page.next.deltaLink;

    expect((await postJson(sendMailUrl(demo), demo.token, simpleMessage('DEMO-1: Printer on fire'))).status).toBe(202);
    const sent = demo.emulator.sentMessages(SUPPORT).at(-1);
    demo.emulator.deliverMail({
      replyTo: sent?.id,
      text: 'New text only',
      attachments: [
        { name: 'fix.txt', contentType: 'text/plain', contentBytes: Buffer.from('fixed').toString('base64') },
      ],
    });
    const next = await mailbox.followDelta(deltaLink);
    expect(next.entries).toHaveLength(1);
    const entry = next.entries[0];
    if (entry?.kind !== 'message') throw new Error('expected a message');

    const { message } = await mailbox.readMessage(entry.id);
    expect(message.subject).toBe('RE: DEMO-1: Printer on fire');
    expect(message.internetMessageHeaders.find((h) => h.name === 'In-Reply-To')?.value).toMatch(/^<.+>$/);
    expect(message.uniqueBody?.content).toContain('New text only');
    const { attachments } = await mailbox.listAttachments(entry.id);
    expect(attachments).toHaveLength(1);
    const attachment = attachments[0];
    if (attachment === undefined) throw new Error('no attachment');
    const content = await mailbox.openAttachment(entry.id, attachment.id, { maxBytes: 1000 });
    const pieces: Uint8Array[] = [];
    for await (const piece of content.pieces) pieces.push(piece);
    expect(Buffer.concat(pieces).toString('utf8')).toBe('fixed');

    await mailbox.markRead(entry.id);
    const moved = await mailbox.moveMessage(entry.id, processed.folder.id);
    // The client asks for immutable ids, so the id survives the move.
    expect(moved.id).toBe(entry.id);
    expect((await mailbox.readFolder(processed.folder.id)).folder).toMatchObject({
      totalItemCount: 1,
      unreadItemCount: 0,
    });
  });
});
