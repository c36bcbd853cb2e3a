import type { GmailReadDeps } from '../../../../../src/providers/google/gmail/gmail-call';
import { listLabelMessageIds } from '../../../../../src/providers/google/gmail/gmail-label-messages';
import { GMAIL_MODIFY_SCOPE } from '../../../../../src/providers/google/scopes';
import { type GoogleWorld, startGoogleWorld, SUPPORT } from '../../../../local/google/helpers';

let world: GoogleWorld;
let deps: GmailReadDeps;
beforeEach(async () => {
  world = await startGoogleWorld();
  deps = {
    fetch: (url, init) => globalThis.fetch(url, init),
    tokenProvider: { getAccessToken: async () => (await world.token({ scopes: [GMAIL_MODIFY_SCOPE] })).accessToken },
    now: () => world.clock.ms,
    env: { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' },
    baseUrl: world.emulator.url,
  };
});
afterEach(async () => {
  await world.emulator.close();
});

const deliver = async (subject: string): Promise<string> => {
  const raw = `From: ann@example.com\r\nTo: ${SUPPORT}\r\nSubject: ${subject}\r\n\r\nHello\r\n`;
  const outcome = await world.emulator.deliverMail({ mailbox: SUPPORT, raw: Buffer.from(raw).toString('base64') });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.message.id;
};

describe('listLabelMessageIds against the emulator', () => {
  it('lists the label oldest first, only what arrived since `since` when given', async () => {
    const first = await deliver('one');
    world.clock.advanceSeconds(3600);
    const since = new Date(world.clock.ms);
    const second = await deliver('two');
    expect(await listLabelMessageIds('INBOX', deps)).toEqual([first, second]);
    expect(await listLabelMessageIds('INBOX', deps, since)).toEqual([second]);
    expect(await listLabelMessageIds('UNREAD', deps, new Date(world.clock.ms + 1000))).toEqual([]);
  });
});
