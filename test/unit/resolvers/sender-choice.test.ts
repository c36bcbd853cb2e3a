import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import type { MailSettings } from '../../../src/contract/mail-settings';
import type { ResolverResult } from '../../../src/contract/result';
import { credentialInput } from '../support/credentials';
import { sampleIssue } from '../support/fake-jira';
import { adminRequest, configuredWorld, issueRequest, silenceWarnings } from '../support/resolvers';

const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look' };
const NOT_ALLOWED = {
  code: 'VALIDATION_FAILED',
  message: 'Check the highlighted fields.',
  fieldErrors: { credentialId: 'Choose a mailbox from the From list.' },
};

const dataOf = <T>(result: ResolverResult<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
};

/** The demo world with three credentials: the default (support@), one people may use (sales@), one they may not (ceo@). */
const threeMailboxes = async (options: Parameters<typeof configuredWorld>[0] = {}) => {
  const world = await configuredWorld(options);
  const sales = dataOf(
    await world.admin.saveCredential(
      adminRequest(credentialInput({ name: 'Sales', senderMailbox: 'sales@contoso.com' })),
    ),
  );
  const ceo = dataOf(
    await world.admin.saveCredential(
      adminRequest(credentialInput({ name: 'CEO office', senderMailbox: 'ceo@contoso.com' })),
    ),
  );
  const current = dataOf(await world.admin.getMailSettings(adminRequest({})));
  dataOf(
    await world.admin.saveMailSettings(
      adminRequest({
        ...current,
        senderCredentialIds: [sales.id],
        automationCredentialIds: [ceo.id],
      } satisfies MailSettings),
    ),
  );
  return { world, sales: sales, ceo: ceo };
};

const sentFrom = (world: Awaited<ReturnType<typeof configuredWorld>>): string | undefined =>
  world.microsoft.calls
    .find((call) => call.url.endsWith('/sendMail'))
    ?.url.split('/users/')[1]
    ?.split('/')[0];

describe('choosing the sender mailbox in "Email this issue" (issue 12, item 20)', () => {
  silenceWarnings();

  it('offers the default first and the mailboxes allowed for people, not those allowed for Automation only', async () => {
    const { world, sales } = await threeMailboxes();
    const draft = dataOf<IssueEmailDraft>(await world.issueAction.getEmailDraft(issueRequest({})));
    expect(draft.senders).toEqual([
      { credentialId: expect.any(String), mailbox: 'support@contoso.com', name: 'Support mailbox' },
      { credentialId: sales.id, mailbox: 'sales@contoso.com', name: 'Sales' },
    ]);
  });

  it('sends from an allowed mailbox the person chose', async () => {
    const { world, sales } = await threeMailboxes();
    world.kv.resetOperations();
    expect(await world.issueAction.sendIssueEmail(issueRequest({ ...payload, credentialId: sales.id }))).toMatchObject({
      ok: true,
    });
    // The default, the chosen credential and the settings all come from one read of the send-setup copy.
    expect(world.kv.operations.filter(({ key }) => /^(credential:|mail-settings|send-setup)/.test(key))).toEqual([
      { operation: 'get', key: 'send-setup' },
    ]);
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(decodeURIComponent(sentFrom(world) ?? '')).toBe('sales@contoso.com');
  });

  it('refuses a credential people may not use (Automation only, or unknown) on send and on preview, naming no mailbox', async () => {
    const { world, ceo } = await threeMailboxes();
    for (const credentialId of [ceo.id, 'no-such-credential']) {
      const sent = await world.issueAction.sendIssueEmail(issueRequest({ ...payload, credentialId }));
      expect(sent).toEqual({ ok: false, error: NOT_ALLOWED });
      expect(JSON.stringify(sent)).not.toMatch(/@contoso\.com|CEO|Sales/);
      const previewed = await world.issueAction.previewIssueEmail(issueRequest({ subject: 'S', credentialId }));
      expect(previewed).toEqual({ ok: false, error: NOT_ALLOWED });
    }
    await expect(world.drainOutbox()).resolves.toEqual([]);
  });

  it('offers no choice while only the default is allowed', async () => {
    const world = await configuredWorld();
    await world.admin.saveCredential(
      adminRequest(credentialInput({ name: 'Sales', senderMailbox: 'sales@contoso.com' })),
    );
    const draft = dataOf<IssueEmailDraft>(await world.issueAction.getEmailDraft(issueRequest({})));
    expect(draft).not.toHaveProperty('senders');
  });
});

describe('mailboxes people may send from, per project (issue 12, item 20)', () => {
  silenceWarnings();

  /** The issue in `projectKey`; Sales allowed in all projects, CEO office only in OPS (whose list holds it alone). */
  const perProject = async (projectKey: string) => {
    const issue = sampleIssue({
      project: { id: projectKey === 'OPS' ? '101' : '100', key: projectKey, name: projectKey },
    });
    const { world, sales, ceo } = await threeMailboxes({ issue });
    const current = dataOf(await world.admin.getMailSettings(adminRequest({})));
    dataOf(
      await world.admin.saveMailSettings(
        adminRequest({ ...current, projectSenders: [{ projectKey: 'OPS', credentialIds: [ceo.id] }] }),
      ),
    );
    return { world, sales, ceo };
  };

  const fromList = async (world: Awaited<ReturnType<typeof configuredWorld>>) =>
    dataOf<IssueEmailDraft>(await world.issueAction.getEmailDraft(issueRequest({}))).senders?.map(
      (sender) => sender.mailbox,
    );

  it.each([
    ['OPS', 'the project entry wins', ['support@contoso.com', 'ceo@contoso.com']],
    ['DEMO', 'no entry: the all-projects list', ['support@contoso.com', 'sales@contoso.com']],
  ])('offers in %s the default first, then what it allows (%s)', async (projectKey, _why, mailboxes) => {
    const { world } = await perProject(projectKey);
    await expect(fromList(world)).resolves.toEqual(mailboxes);
  });

  it('offers no choice in a project whose entry allows none besides the default', async () => {
    const { world } = await threeMailboxes();
    const current = dataOf(await world.admin.getMailSettings(adminRequest({})));
    dataOf(
      await world.admin.saveMailSettings(
        adminRequest({ ...current, projectSenders: [{ projectKey: 'DEMO', credentialIds: [] }] }),
      ),
    );
    await expect(fromList(world)).resolves.toBeUndefined();
  });

  it.each([
    ['OPS', 'sales', 'allowed in all projects but not in OPS'],
    ['DEMO', 'ceo', 'allowed in OPS only'],
  ])('refuses in %s the %s mailbox (%s) on send and on preview, naming no mailbox', async (projectKey, which) => {
    const { world, sales, ceo } = await perProject(projectKey);
    const credentialId = (which === 'sales' ? sales : ceo).id;
    const sent = await world.issueAction.sendIssueEmail(issueRequest({ ...payload, credentialId }));
    expect(sent).toEqual({ ok: false, error: NOT_ALLOWED });
    expect(JSON.stringify(sent)).not.toMatch(/@contoso\.com|CEO|Sales/);
    await expect(world.issueAction.previewIssueEmail(issueRequest({ subject: 'S', credentialId }))).resolves.toEqual({
      ok: false,
      error: NOT_ALLOWED,
    });
    await expect(world.drainOutbox()).resolves.toEqual([]);
  });

  it('sends from the mailbox the project allows', async () => {
    const { world, ceo } = await perProject('OPS');
    expect(await world.issueAction.sendIssueEmail(issueRequest({ ...payload, credentialId: ceo.id }))).toMatchObject({
      ok: true,
    });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(decodeURIComponent(sentFrom(world) ?? '')).toBe('ceo@contoso.com');
  });
});
