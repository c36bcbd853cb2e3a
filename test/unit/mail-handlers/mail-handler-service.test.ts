import { type MailHandlerInput, mailHandlerInputSchema } from '../../../src/contract/mail-handlers';
import {
  MailHandlerInvalidError,
  MailHandlerNotFoundError,
  TooManyMailHandlersError,
} from '../../../src/mail-handlers/errors';
import { CHECK_FAILURE_MESSAGES } from '../../../src/mail-handlers/handler-mailbox';
import { createMailHandlerStore } from '../../../src/mail-handlers/mail-handler-store';
import { FakeHandlerMailbox, handlerInput, handlerService } from '../support/mail-handlers';
import { MemoryKvStore } from '../support/memory-kv-store';

const CREDENTIALS = [
  { id: 'cred-1', name: 'Support', senderMailbox: 'support@contoso.com', ownMailboxOnly: false },
  { id: 'cred-2', name: 'Sales', senderMailbox: 'sales@contoso.com', ownMailboxOnly: false },
  { id: 'cred-3', name: 'Signed in', senderMailbox: 'megan@contoso.com', ownMailboxOnly: true },
];

const world = (mailbox = new FakeHandlerMailbox()) => {
  const kv = new MemoryKvStore();
  const service = handlerService({ kv, credentials: async () => CREDENTIALS, mailbox });
  const save = (overrides: Partial<MailHandlerInput> = {}) =>
    service.save(mailHandlerInputSchema.parse(handlerInput(overrides)));
  return { kv, service, mailbox, save };
};

const invalidFields = async (promise: Promise<unknown>): Promise<Record<string, string>> => {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MailHandlerInvalidError);
  return { ...(error as MailHandlerInvalidError).fieldErrors };
};

describe('mail handler service', () => {
  it('tells incoming mail of each saved handler, as saved, so it connects without waiting for the upkeep', async () => {
    const told: Array<[string, boolean]> = [];
    const service = handlerService({
      kv: new MemoryKvStore(),
      credentials: async () => CREDENTIALS,
      saved: async (handler) => void told.push([handler.id, handler.enabled]),
    });
    const created = await service.save(mailHandlerInputSchema.parse(handlerInput()));
    await service.save(mailHandlerInputSchema.parse(handlerInput({ id: created.id, enabled: false })));
    expect(told).toEqual([
      ['handler-1', true],
      ['handler-1', false],
    ]);
  });

  it('creates, lists by name, edits and deletes a handler', async () => {
    const { service, save } = world();
    const created = await save();
    expect(created).toMatchObject({
      id: 'handler-1',
      name: 'Support inbox',
      folder: 'Inbox',
      createdAt: '2024-05-06T06:00:00.000Z',
    });
    expect(created).not.toHaveProperty('mailbox');
    await save({ name: 'A sales inbox', credentialId: 'cred-2' });
    expect((await service.list()).map((handler) => handler.name)).toEqual(['A sales inbox', 'Support inbox']);

    const edited = await save({ id: created.id, name: 'Support', mode: 'comments-only' });
    expect(edited).toMatchObject({
      id: 'handler-1',
      name: 'Support',
      mode: 'comments-only',
      createdAt: created.createdAt,
    });
    expect(await service.delete(created.id)).toEqual({ id: created.id });
    expect((await service.list()).map((handler) => handler.id)).toEqual(['handler-2']);
  });

  it("stores no other mailbox when it is the credential's own, and domains only when they are used", async () => {
    const { save } = world();
    expect(await save({ mailbox: 'SUPPORT@contoso.com', allowedDomains: ['contoso.com'] })).not.toHaveProperty(
      'mailbox',
    );
    const other = await save({
      name: 'Help',
      mailbox: 'help@contoso.com',
      senders: 'domains',
      allowedDomains: ['a.com', 'A.com'],
    });
    expect(other).toMatchObject({ mailbox: 'help@contoso.com', allowedDomains: ['a.com'] });
  });

  it('refuses what it names that does not exist or the app cannot use, each on its field', async () => {
    const { save, kv } = world();
    expect(await invalidFields(save({ credentialId: 'cred-9' }))).toEqual({
      credentialId: 'That credential no longer exists. Choose another.',
    });
    expect(await invalidFields(save({ projectKey: 'SECRET' }))).toEqual({
      projectKey: expect.stringContaining("Issue Mailer's own Jira account cannot see project SECRET") as string,
    });
    expect(await invalidFields(save({ issueTypeId: '10010' }))).toEqual({
      issueTypeId: 'Project DEMO has no such issue type any more. Choose another.',
    });
    expect(kv.plain.size).toBe(0);
  });

  it('refuses another mailbox for a credential that acts as its own only, and takes its own', async () => {
    const { save, kv } = world();
    expect(await invalidFields(save({ credentialId: 'cred-3', mailbox: 'help@contoso.com' }))).toEqual({
      mailbox:
        "“Signed in” reads only the mailbox it acts as, megan@contoso.com. Choose “The credential's sender mailbox”, or a credential that may read help@contoso.com.",
    });
    expect(kv.plain.size).toBe(0);
    const own = await save({ credentialId: 'cred-3', mailbox: 'Megan@contoso.com' });
    expect(own).toMatchObject({ credentialId: 'cred-3' });
    expect(own).not.toHaveProperty('mailbox');
  });

  it('refuses a name or a folder another handler has (conflicts), but not the handler itself', async () => {
    const { save } = world();
    const first = await save();
    expect(await invalidFields(save({ name: 'SUPPORT INBOX', folder: 'Other' }))).toEqual({
      name: 'Another handler is called “Support inbox”. Choose another name.',
    });
    // The same folder of the same mailbox, reached through another credential naming it.
    expect(
      await invalidFields(
        save({ name: 'Second', credentialId: 'cred-2', mailbox: 'support@contoso.com', folder: 'inbox' }),
      ),
    ).toEqual({
      folder:
        'The handler “Support inbox” already reads this folder of support@contoso.com: one handler per folder, or mail would be taken twice.',
    });
    await expect(save({ id: first.id, enabled: false })).resolves.toMatchObject({ enabled: false });
  });

  it('answers not-found for a handler that is gone', async () => {
    const { service, save } = world();
    await expect(service.delete('handler-9')).rejects.toBeInstanceOf(MailHandlerNotFoundError);
    await expect(service.test('handler-9')).rejects.toBeInstanceOf(MailHandlerNotFoundError);
    await expect(save({ id: 'handler-9' })).rejects.toBeInstanceOf(MailHandlerNotFoundError);
  });

  it('keeps at most 20 handlers', async () => {
    const { save } = world();
    for (let index = 0; index < 20; index += 1) await save({ name: `Handler ${index}`, folder: `Folder ${index}` });
    await expect(save({ name: 'One more', folder: 'More' })).rejects.toBeInstanceOf(TooManyMailHandlersError);
  });

  it('skips a stored handler it cannot read', async () => {
    const { service, kv, save } = world();
    await save();
    kv.plain.set('mail-handler:broken', { id: 'broken' });
    expect((await service.list()).map((handler) => handler.id)).toEqual(['handler-1']);
    expect(await createMailHandlerStore(kv).get('broken')).toBeUndefined();
  });
});

describe('Test a mail handler', () => {
  it('shows the folder with its unread count, the processed folder and the subscription, through the port', async () => {
    const mailbox = new FakeHandlerMailbox();
    mailbox.subscription = { ok: true, data: { status: 'active', expiresAt: '2024-05-12T06:00:00.000Z' } };
    const { service, save } = world(mailbox);
    const handler = await save({ mailbox: 'help@contoso.com', folder: 'Support' });
    expect(await service.test(handler.id)).toEqual({
      testedAt: '2024-05-06T06:00:00.000Z',
      mailbox: 'help@contoso.com',
      folder: { ok: true, data: { displayName: 'Inbox', unreadCount: 3, totalCount: 40 } },
      processedFolder: { ok: true, data: { displayName: 'Processed by Issue Mailer', created: true } },
      subscription: { ok: true, data: { status: 'active', expiresAt: '2024-05-12T06:00:00.000Z' } },
    });
    const target = { credentialId: 'cred-1', mailbox: 'help@contoso.com' };
    expect(mailbox.calls).toEqual([
      { method: 'subscriptionState', args: [handler.id, target] },
      { method: 'folderCounts', args: [target, 'Support'] },
      { method: 'ensureFolder', args: [target, 'Processed by Issue Mailer'] },
    ]);
  });

  it("reads the credential's sender mailbox and leaves the processed folder alone when mail stays", async () => {
    const mailbox = new FakeHandlerMailbox();
    const { service, save } = world(mailbox);
    const handler = await save({ afterProcessing: 'leave' });
    const result = await service.test(handler.id);
    expect(result.mailbox).toBe('support@contoso.com');
    expect(result).not.toHaveProperty('processedFolder');
    expect(mailbox.calls.map((call) => call.method)).toEqual(['subscriptionState', 'folderCounts']);
  });

  it('says why each check has no answer', async () => {
    const mailbox = new FakeHandlerMailbox();
    mailbox.folder = { ok: false, reason: 'folder-not-found' };
    mailbox.ensured = { ok: false, reason: 'access-denied' };
    const { service, save } = world(mailbox);
    const result = await service.test((await save()).id);
    expect(result.folder).toEqual({
      ok: false,
      reason: 'folder-not-found',
      message: CHECK_FAILURE_MESSAGES['folder-not-found'],
    });
    expect(result.processedFolder).toEqual({
      ok: false,
      reason: 'access-denied',
      message: CHECK_FAILURE_MESSAGES['access-denied'],
    });
  });

  it("says so when the handler's credential is gone", async () => {
    const kv = new MemoryKvStore();
    let credentials = CREDENTIALS;
    const service = handlerService({ kv, credentials: async () => credentials });
    const handler = await service.save(mailHandlerInputSchema.parse(handlerInput()));
    credentials = [];
    const result = await service.test(handler.id);
    expect(result).toMatchObject({ mailbox: '', folder: { ok: false, reason: 'mailbox-not-found' } });
  });
});
