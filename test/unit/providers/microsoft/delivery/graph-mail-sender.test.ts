import { credentialInputSchema } from '../../../../../src/contract/credentials';
import { certificateInput, credentialInput, SECRET } from '../../../support/credentials';
import { jsonResponse, type RecordedCall } from '../../../support/fake-fetch';
import { fixtureResponse, tokenFixture } from '../../../support/fixtures';
import {
  adminRequest,
  emailIdOf,
  GOOD_TOKEN,
  issueRequest,
  resolverWorld,
  silenceWarnings,
} from '../../../support/resolvers';

const send = { to: ['ada@example.com'], subject: 's', message: 'm' };
const TOKEN_URL = '/oauth2/v2.0/token';

/** Microsoft that takes only `accepted` as the client secret and refuses every other with `refusal`. */
const microsoftTaking = (accepted: string, refusal: string) => (call: RecordedCall) => {
  if (call.url.includes(TOKEN_URL)) {
    return new URLSearchParams(call.body).get('client_secret') === accepted
      ? jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: GOOD_TOKEN })
      : fixtureResponse(tokenFixture(refusal));
  }
  return new Response(null, { status: 202 });
};

const secretsSent = (calls: RecordedCall[]) =>
  calls
    .filter((call) => call.url.includes(TOKEN_URL))
    .map((call) => new URLSearchParams(call.body).get('client_secret'));

describe('sending through a credential', () => {
  silenceWarnings();
  let info: jest.SpyInstance;
  beforeEach(() => {
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  it.each([
    ['expired_secret_7000222', 'expired'],
    ['invalid_secret_7000215', 'invalid'],
  ])(
    'keeps mail going when the current secret is refused (%s): the next secret is tried and promoted',
    async (refusal, reason) => {
      const world = resolverWorld({ microsoft: microsoftTaking('NEXT-SECRET', refusal) });
      await world.admin.saveCredential(
        adminRequest(credentialInput({ nextClientSecret: 'NEXT-SECRET', nextSecretExpiresOn: '2027-01-01' })),
      );

      await expect(world.issueAction.sendIssueEmail(issueRequest(send))).resolves.toMatchObject({
        ok: true,
        data: { status: 'queued' },
      });
      expect(world.microsoft.calls).toEqual([]);
      await expect(world.drainOutbox()).resolves.toEqual(['sent']);

      expect(secretsSent(world.microsoft.calls)).toEqual([SECRET, 'NEXT-SECRET']);
      expect(world.microsoft.calls.filter((call) => call.url.endsWith('/sendMail'))).toHaveLength(1);
      expect(world.kv.secrets.get('credential-secret:cred-1')).toBe('NEXT-SECRET');
      expect(world.kv.secrets.has('credential-next-secret:cred-1')).toBe(false);
      const [view] = await world.credentials.list();
      expect(view).toMatchObject({ hasNextSecret: false, secretExpiresOn: '2027-01-01', lastRotation: { reason } });
      const { warnings } = await world.warnings.list();
      expect(warnings.map((warning) => [warning.kind, warning.severity])).toEqual([['secret-promoted', 'info']]);
      expect(info.mock.calls).toEqual([
        [`[issue-mailer] promoted the next secret of credential cred-1 (current one ${reason})`],
      ]);

      // The next email uses the promoted secret straight away.
      world.microsoft.calls.length = 0;
      world.kv.secrets.delete('token-cache:cred-1');
      await expect(world.issueAction.sendIssueEmail(issueRequest(send))).resolves.toMatchObject({ ok: true });
      // Queued at the same instant as the first, it waits for the mailbox's next pacing slot.
      await expect(world.drainOutbox()).resolves.toEqual(['paced', 'sent']);
      expect(secretsSent(world.microsoft.calls)).not.toContain(SECRET);
      expect(world.microsoft.calls.filter((call) => call.url.endsWith('/sendMail'))).toHaveLength(1);
    },
  );

  it("reports the current secret's refusal when the next one is refused too, promoting nothing and recording it once", async () => {
    const world = resolverWorld({ microsoft: microsoftTaking('neither', 'expired_secret_7000222') });
    await world.admin.saveCredential(adminRequest(credentialInput({ nextClientSecret: 'NEXT-SECRET' })));

    for (let attempt = 1; attempt <= 2; attempt += 1) {
      await expect(world.issueAction.sendIssueEmail(issueRequest(send))).resolves.toMatchObject({
        ok: true,
        data: { status: 'queued' },
      });
      // A refused secret cannot be fixed by trying again: the email fails at once. Nothing was sent, so the first
      // email's pacing slot was given back and the second needs no wait.
      await expect(world.drainOutbox()).resolves.toEqual(['failed']);
      expect(await world.records.get(emailIdOf(attempt))).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: { code: 'TOKEN_CLIENT_SECRET_EXPIRED' },
      });
    }
    expect(secretsSent(world.microsoft.calls)).toEqual([SECRET, 'NEXT-SECRET', SECRET, 'NEXT-SECRET']);
    expect(world.microsoft.calls.filter((call) => call.url.endsWith('/sendMail'))).toHaveLength(0);
    expect(world.kv.secrets.get('credential-secret:cred-1')).toBe(SECRET);
    expect(world.kv.secrets.get('credential-next-secret:cred-1')).toBe('NEXT-SECRET');
    const { warnings } = await world.warnings.list();
    expect(warnings.filter((warning) => warning.kind === 'token-refused')).toHaveLength(1);
    expect(warnings.find((warning) => warning.kind === 'token-refused')?.message).toContain(
      'Microsoft says this secret has expired (AADSTS7000222). In Microsoft Entra admin center',
    );
  });

  it('does not try a next secret for a refusal it cannot fix', async () => {
    const world = resolverWorld({ microsoft: microsoftTaking('NEXT-SECRET', 'app_not_found_700016') });
    await world.admin.saveCredential(adminRequest(credentialInput({ nextClientSecret: 'NEXT-SECRET' })));
    await expect(world.issueAction.sendIssueEmail(issueRequest(send))).resolves.toMatchObject({
      ok: true,
      data: { status: 'queued' },
    });
    await expect(world.drainOutbox()).resolves.toEqual(['failed']);
    expect(await world.records.get(emailIdOf(1))).toMatchObject({
      status: 'failed',
      lastError: { code: 'TOKEN_APP_NOT_FOUND' },
    });
    expect(secretsSent(world.microsoft.calls)).toEqual([SECRET]);
  });

  it('sends through a certificate credential with a client assertion', async () => {
    const world = resolverWorld();
    await world.admin.saveCredential(adminRequest(credentialInputSchema.parse(certificateInput())));
    await expect(world.issueAction.sendIssueEmail(issueRequest(send))).resolves.toMatchObject({ ok: true });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    const form = new URLSearchParams(world.microsoft.calls[0]?.body);
    expect(form.get('client_secret')).toBeNull();
    expect(form.get('client_assertion')?.split('.')).toHaveLength(3);
  });
});
