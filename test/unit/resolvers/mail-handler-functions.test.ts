import { INTERNAL_MESSAGE, VALIDATION_MESSAGE } from '../../../src/messages/words';
import { handlerInput, REPORTER } from '../support/mail-handlers';
import { adminRequest, configuredWorld, resolverWorld, silenceWarnings } from '../support/resolvers';

const NOT_ADMIN = {
  ok: false,
  error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
};

describe('mail handler resolver functions', () => {
  silenceWarnings();

  it.each([
    ['listMailHandlers', {}],
    ['saveMailHandler', handlerInput()],
    ['deleteMailHandler', { id: 'handler-1' }],
    ['testMailHandler', { id: 'handler-1' }],
    ['listHandlerProjects', {}],
    ['listHandlerIssueTypes', { projectKey: 'DEMO' }],
    ['searchHandlerReporters', { query: 'ann' }],
  ] as const)('%s answers NOT_ADMIN to a non-admin before touching storage', async (name, payload) => {
    const world = resolverWorld({ isAdmin: false });
    expect(await world.admin[name](adminRequest(payload))).toEqual(NOT_ADMIN);
    expect(world.kv.count()).toBe(0);
    expect(world.handlerMailbox.calls).toEqual([]);
  });

  it('saves, lists, tests and deletes a handler in ok envelopes', async () => {
    const world = await configuredWorld();
    const saved = await world.admin.saveMailHandler(adminRequest(handlerInput()));
    expect(saved).toMatchObject({
      ok: true,
      data: { id: 'handler-1', name: 'Support inbox', defaultReporter: REPORTER },
    });
    expect(await world.admin.listMailHandlers(adminRequest({}))).toMatchObject({
      ok: true,
      data: [{ id: 'handler-1' }],
    });
    const tested = await world.admin.testMailHandler(adminRequest({ id: 'handler-1' }));
    expect(tested).toMatchObject({
      ok: true,
      data: { folder: { ok: true, data: { unreadCount: 3 } }, subscription: { ok: true, data: { status: 'none' } } },
    });
    expect(await world.admin.deleteMailHandler(adminRequest({ id: 'handler-1' }))).toEqual({
      ok: true,
      data: { id: 'handler-1' },
    });
    expect(await world.admin.listMailHandlers(adminRequest({}))).toEqual({ ok: true, data: [] });
  });

  it('answers the schema and the service rules per field, as VALIDATION_FAILED', async () => {
    const world = await configuredWorld();
    expect(await world.admin.saveMailHandler(adminRequest(handlerInput({ name: '', backfillDays: 99 })))).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: VALIDATION_MESSAGE,
        fieldErrors: {
          name: 'Enter a name, for example "Support inbox".',
          backfillDays: 'Enter a number of days from 0 (from now on) to 30.',
        },
      },
    });
    expect(await world.admin.saveMailHandler(adminRequest(handlerInput({ credentialId: 'cred-9' })))).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: VALIDATION_MESSAGE,
        fieldErrors: { credentialId: 'That credential no longer exists. Choose another.' },
      },
    });
  });

  it('answers a conflict on its field', async () => {
    const world = await configuredWorld();
    await world.admin.saveMailHandler(adminRequest(handlerInput()));
    const answer = await world.admin.saveMailHandler(adminRequest(handlerInput({ name: 'Another' })));
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { folder: expect.any(String) as string } },
    });
  });

  it.each(['deleteMailHandler', 'testMailHandler'] as const)('%s answers a safe not-found', async (name) => {
    const world = await configuredWorld();
    expect(await world.admin[name](adminRequest({ id: 'handler-9' }))).toEqual({
      ok: false,
      error: { code: 'MAIL_HANDLER_NOT_FOUND', message: 'That mail handler no longer exists. Reload the page.' },
    });
  });

  it('refuses a hostile id before it reaches storage', async () => {
    const world = await configuredWorld();
    const answer = await world.admin.deleteMailHandler(adminRequest({ id: '../credential:cred-1' }));
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { id: 'Not a mail handler id.' } },
    });
  });

  it("never answers an unknown error's message", async () => {
    const world = await configuredWorld();
    world.handlerMailbox.folderCounts = async () => {
      throw new Error('secret token abc in the message');
    };
    await world.admin.saveMailHandler(adminRequest(handlerInput()));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = await world.admin.testMailHandler(adminRequest({ id: 'handler-1' }));
    spy.mockRestore();
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE } });
  });

  it('lists the projects the app sees, their issue types and reporters', async () => {
    const world = await configuredWorld();
    expect(await world.admin.listHandlerProjects(adminRequest({}))).toMatchObject({
      ok: true,
      data: [{ key: 'DEMO' }, { key: 'HELP' }],
    });
    expect(await world.admin.listHandlerIssueTypes(adminRequest({ projectKey: 'HELP' }))).toEqual({
      ok: true,
      data: [{ id: '10010', name: 'Request' }],
    });
    expect(await world.admin.searchHandlerReporters(adminRequest({ query: 'ann' }))).toEqual({
      ok: true,
      data: [REPORTER],
    });
    expect(await world.admin.listHandlerIssueTypes(adminRequest({ projectKey: 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { projectKey: 'Choose a project.' } },
    });
  });
});
