import type { GmailReadDeps } from '../../../../../src/providers/google/gmail/gmail-call';
import { gmailHandlerMailbox } from '../../../../../src/providers/google/incoming/gmail-handler-mailbox';
import { GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE } from '../../../../../src/providers/google/scopes';
import { type GoogleWorld, startGoogleWorld, SUPPORT } from '../../../../local/google/helpers';

/* Test of a Gmail handler against the Google emulator: label counts by messages.list, the processed label. */

let world: GoogleWorld;
beforeEach(async () => {
  world = await startGoogleWorld();
});
afterEach(async () => {
  await world.emulator.close();
});

const TARGET = { credentialId: 'google-1', mailbox: SUPPORT };

const mailboxWith = (scopes: readonly string[]) =>
  gmailHandlerMailbox(async (): Promise<GmailReadDeps> => ({
    fetch: (url, init) => globalThis.fetch(url, init),
    tokenProvider: { getAccessToken: async () => (await world.token({ scopes })).accessToken },
    now: () => world.clock.ms,
    env: { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' },
    baseUrl: world.emulator.url,
  }));

const deliver = async (subject: string) => {
  const raw = `From: ann@example.com\r\nTo: ${SUPPORT}\r\nSubject: ${subject}\r\n\r\nHello\r\n`;
  const outcome = await world.emulator.deliverMail({ mailbox: SUPPORT, raw: Buffer.from(raw).toString('base64') });
  if (!outcome.ok) throw new Error(outcome.reason);
};

describe('gmailHandlerMailbox', () => {
  it('counts the Inbox label, total and unread', async () => {
    await deliver('one');
    await deliver('two');
    const mailbox = mailboxWith([GMAIL_MODIFY_SCOPE]);
    expect(await mailbox.folderCounts(TARGET, 'Inbox')).toEqual({
      ok: true,
      data: { displayName: 'Inbox', unreadCount: 2, totalCount: 2 },
    });
  });

  it('finds or creates the processed label, then counts it by name; an unknown label is folder-not-found', async () => {
    const mailbox = mailboxWith([GMAIL_MODIFY_SCOPE]);
    expect(await mailbox.folderCounts(TARGET, 'Processed by Issue Mailer')).toEqual({
      ok: false,
      reason: 'folder-not-found',
      message: 'The mailbox has no label of that name. Check the folder, for example Inbox.',
    });
    expect(await mailbox.ensureFolder(TARGET, 'Processed by Issue Mailer')).toEqual({
      ok: true,
      data: { created: true },
    });
    expect(await mailbox.ensureFolder(TARGET, 'Processed by Issue Mailer')).toEqual({
      ok: true,
      data: { created: false },
    });
    expect(await mailbox.folderCounts(TARGET, 'processed by issue mailer')).toEqual({
      ok: true,
      data: { displayName: 'Processed by Issue Mailer', unreadCount: 0, totalCount: 0 },
    });
  });

  it('answers access-denied when the token may only send (gmail.send: 403)', async () => {
    expect(await mailboxWith([GMAIL_SEND_SCOPE]).folderCounts(TARGET, 'Inbox')).toEqual({
      ok: false,
      reason: 'access-denied',
      message:
        'Google refused to let the credential read this mailbox. In the Google Admin console (Security > Access and data control > API controls > Manage Domain Wide Delegation) allow the service account\'s client ID the scope https://www.googleapis.com/auth/gmail.modify, and tick "Also read incoming mail (gmail.modify)" on the credential.',
    });
  });
});
