import type { GmailReadDeps } from '../../../src/providers/google/gmail/gmail-call';
import { GmailError } from '../../../src/providers/google/gmail/gmail-errors';
import { currentHistoryId, listHistory } from '../../../src/providers/google/gmail/gmail-history';
import { parseGmailInbound } from '../../../src/providers/google/gmail/gmail-inbound';
import { gmailInboundMailbox } from '../../../src/providers/google/gmail/gmail-inbound-mailbox';
import { ensureLabel } from '../../../src/providers/google/gmail/gmail-labels';
import {
  findByMessageId,
  markRead,
  moveToLabel,
  readRawMessage,
} from '../../../src/providers/google/gmail/gmail-messages';
import { GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE } from '../../../src/providers/google/scopes';
import { type GoogleWorld, startGoogleWorld, SUPPORT } from './helpers';

let world: GoogleWorld;
let deps: GmailReadDeps;
beforeEach(async () => {
  world = await startGoogleWorld();
  deps = {
    fetch: (url, init) => globalThis.fetch(url, init),
    tokenProvider: {
      getAccessToken: async () => (await world.token({ scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE] })).accessToken,
    },
    now: () => world.clock.ms,
    env: { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' },
    baseUrl: world.emulator.url,
  };
});
afterEach(async () => {
  await world.emulator.close();
});

const SENT = [
  `From: Support <${SUPPORT}>`,
  'To: Ann Example <ann@example.com>',
  'Subject: [DEMO-1] Printer',
  'Message-ID: <e-1.demo-1@example-google.test>',
  '',
  'We are on it.',
  '',
].join('\r\n');

const sendAsApp = async (): Promise<string> => {
  const token = await deps.tokenProvider.getAccessToken();
  const response = await fetch(`${world.emulator.url}/gmail/v1/users/me/messages/send`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ raw: Buffer.from(SENT).toString('base64url') }),
  });
  return ((await response.json()) as { id: string }).id;
};

const reply = async (sentId: string) => {
  const outcome = await world.emulator.deliverMail({
    replyTo: sentId,
    text: 'Thanks, it works now.',
    html: '<p>Thanks, it works now.</p><img src="cid:shot@ann">',
    headers: [{ name: 'Auto-Submitted', value: 'no' }],
    attachments: [
      { filename: 'shot.png', contentType: 'image/png', contentBase64: 'iVBORw==', cid: 'shot@ann' },
      { filename: 'log.txt', contentType: 'text/plain', contentBase64: Buffer.from('line 1\n').toString('base64') },
    ],
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.message;
};

describe('the Gmail reader against the emulator', () => {
  it('first run stores the position; the next sees the reply, reads it raw, marks it read and moves it', async () => {
    const sentId = await sendAsApp();
    const start = await currentHistoryId(deps);
    const delivered = await reply(sentId);

    const changes = await listHistory({ startHistoryId: start, labelId: 'INBOX' }, deps);
    expect(changes).toEqual({ messageIds: [delivered.id], historyId: delivered.historyId, pages: 1 });

    const raw = await readRawMessage(delivered.id, deps);
    expect([raw.threadId, raw.labelIds, raw.internalDate]).toEqual([sentId, ['INBOX', 'UNREAD'], world.clock.ms]);
    const { message, attachments } = await parseGmailInbound(raw);
    expect(message).toMatchObject({
      id: delivered.id,
      conversationId: sentId,
      subject: 'Re: [DEMO-1] Printer',
      from: { name: 'Ann Example', address: 'ann@example.com' },
      toRecipients: [{ name: undefined, address: SUPPORT }],
      ccRecipients: [],
      receivedDateTime: new Date(world.clock.ms).toISOString(),
      body: { contentType: 'html', content: '<p>Thanks, it works now.</p><img src="cid:shot@ann">' },
      hasAttachments: true,
      isRead: false,
    });
    const header = (name: string) => message.internetMessageHeaders.find((h) => h.name.toLowerCase() === name)?.value;
    expect([header('in-reply-to'), header('references'), header('auto-submitted')]).toEqual([
      '<e-1.demo-1@example-google.test>',
      '<e-1.demo-1@example-google.test>',
      'no',
    ]);
    expect(
      attachments.map((a) => [a.name, a.contentType, a.isInline, a.contentId, Buffer.from(a.bytes).toString('hex')]),
    ).toEqual([
      ['shot.png', 'image/png', true, 'shot@ann', '89504e47'],
      ['log.txt', 'text/plain', false, undefined, Buffer.from('line 1\n').toString('hex')],
    ]);

    const processed = (await ensureLabel('Jira/Processed', deps)).label;
    expect(await markRead(delivered.id, deps)).toEqual({ id: delivered.id, labelIds: ['INBOX'] });
    expect(await moveToLabel(delivered.id, 'INBOX', processed.id, deps)).toEqual({
      id: delivered.id,
      labelIds: [processed.id],
    });
    // The label changes are history too, but none adds a message to INBOX.
    expect((await listHistory({ startHistoryId: changes.historyId, labelId: 'INBOX' }, deps)).messageIds).toEqual([]);
    expect(await findByMessageId(message.internetMessageId ?? '', deps)).toEqual([
      { id: delivered.id, threadId: sentId },
    ]);
  });

  it('a message labelled later counts as new for that label', async () => {
    const label = (await ensureLabel('Jira/Inbound', deps)).label;
    expect(label.id).toBe('Label_1');
    const start = await currentHistoryId(deps);
    const delivered = await reply(await sendAsApp());
    await moveToLabel(delivered.id, 'INBOX', label.id, deps);
    expect((await listHistory({ startHistoryId: start, labelId: label.id }, deps)).messageIds).toEqual([delivered.id]);
    expect(await ensureLabel('jira/inbound', deps)).toEqual({ label, created: false });
  });

  it('the bound mailbox reads the same for its user by address', async () => {
    const inbound = gmailInboundMailbox(SUPPORT, deps);
    const inboundLabel = (await inbound.ensureLabel('Jira/Inbound')).label;
    expect(await inbound.findLabel('JIRA/INBOUND')).toEqual(inboundLabel);
    const start = await inbound.currentHistoryId();
    const delivered = await reply(await sendAsApp());
    const { messageIds } = await inbound.listHistory(start, 'INBOX');
    expect(messageIds).toEqual([delivered.id]);
    const read = await inbound.readMessage(delivered.id);
    expect([read.message.subject, read.gmail.labelIds, read.attachments.length]).toEqual([
      'Re: [DEMO-1] Printer',
      ['INBOX', 'UNREAD'],
      2,
    ]);
    expect((await inbound.markRead(delivered.id)).labelIds).toEqual(['INBOX']);
    expect((await inbound.moveToLabel(delivered.id, 'INBOX', inboundLabel.id)).labelIds).toEqual([inboundLabel.id]);
    expect(await inbound.findByMessageId(read.message.internetMessageId ?? '')).toEqual([
      { id: delivered.id, threadId: read.gmail.threadId },
    ]);
  });

  it('a stale historyId is GMAIL_HISTORY_EXPIRED', async () => {
    const start = await currentHistoryId(deps);
    world.emulator.expireHistory(SUPPORT);
    const error = await listHistory({ startHistoryId: start, labelId: 'INBOX' }, deps).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GmailError);
    expect([(error as GmailError).code, (error as GmailError).status]).toEqual(['GMAIL_HISTORY_EXPIRED', 404]);
    // The full sync's fresh position works again.
    const fresh = await currentHistoryId(deps);
    expect(await listHistory({ startHistoryId: fresh, labelId: 'INBOX' }, deps)).toEqual({
      messageIds: [],
      historyId: fresh,
      pages: 1,
    });
  });

  it('with gmail.send alone the reads are refused: 403 GMAIL_FORBIDDEN', async () => {
    const sendOnly: GmailReadDeps = {
      ...deps,
      tokenProvider: { getAccessToken: async () => (await world.token({ scopes: [GMAIL_SEND_SCOPE] })).accessToken },
    };
    const error = await currentHistoryId(sendOnly).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect([(error as GmailError).code, (error as GmailError).reason]).toEqual([
      'GMAIL_FORBIDDEN',
      'insufficientPermissions',
    ]);
  });
});
