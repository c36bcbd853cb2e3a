import { CURSOR_MESSAGE } from '../../../src/contract/email-log';
import { handler as adminResolver } from '../../../src/resolvers/admin-resolver';
import { handler as automationConfig } from '../../../src/resolvers/automation-config';
import { handler as issueActionResolver } from '../../../src/resolvers/issue-action-resolver';
import { StorageError } from '../../../src/storage/errors';
import { adminRequest, configuredWorld, issueRequest, silenceWarnings } from '../support/resolvers';

const VALIDATION = (fieldErrors: Record<string, string>) => ({
  ok: false,
  error: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', fieldErrors },
});

/** Ids of control and bidi characters, as a hostile caller sends them. */
const HOSTILE_IDS = ['\u0000', 'built-in\u202E', '\u202Etpl-1', 'tpl\u0007', '../built-in', 'BUILT-IN'];

describe('ids and cursors are checked by pattern, and answer a validation error', () => {
  silenceWarnings();

  it.each(HOSTILE_IDS)('a templateId %j in the dialog is VALIDATION_FAILED, not INTERNAL_ERROR', async (templateId) => {
    const world = await configuredWorld();
    const payload = { to: ['ada@example.com'], subject: 's', message: 'm', templateId };
    await expect(world.issueAction.previewIssueEmail(issueRequest(payload))).resolves.toEqual(
      VALIDATION({ templateId: 'Not a template id.' }),
    );
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toEqual(
      VALIDATION({ templateId: 'Not a template id.' }),
    );
    expect(world.queue.pushed).toHaveLength(0);
  });

  it.each(HOSTILE_IDS)('a template id %j on the admin page is VALIDATION_FAILED', async (id) => {
    const world = await configuredWorld();
    await expect(world.admin.deleteTemplate(adminRequest({ id }))).resolves.toEqual(
      VALIDATION({ id: 'Not a template id.' }),
    );
  });

  it.each(['not a cursor!', '\u202Eabc', 'a'.repeat(4001), ''])(
    'an email-log cursor %j of characters no cursor has is VALIDATION_FAILED',
    async (cursor) => {
      const world = await configuredWorld();
      await expect(world.admin.listEmailLog(adminRequest({ cursor }))).resolves.toEqual(
        VALIDATION({ cursor: CURSOR_MESSAGE }),
      );
    },
  );

  it('a well-formed cursor storage refuses (INVALID_CURSOR) is VALIDATION_FAILED, not STORAGE_FAILED', async () => {
    const world = await configuredWorld();
    world.records.query = async () =>
      Promise.reject(new StorageError('query', 'outbox-email', { code: 'INVALID_CURSOR' }));
    await expect(world.admin.listEmailLog(adminRequest({ cursor: 'eyJ4IjoxfQ' }))).resolves.toEqual(
      VALIDATION({ cursor: CURSOR_MESSAGE }),
    );
    // Storage that is really down still says so.
    world.records.query = async () =>
      Promise.reject(new StorageError('query', 'outbox-email', { code: 'RATE_LIMIT_EXCEEDED' }));
    await expect(world.admin.listEmailLog(adminRequest({ cursor: 'eyJ4IjoxfQ' }))).resolves.toEqual({
      ok: false,
      error: { code: 'STORAGE_FAILED', message: 'Issue Mailer could not reach its storage. Try again in a moment.' },
    });
  });
});

describe("resolver functions named after Object.prototype's", () => {
  const handlers = { adminResolver, issueActionResolver, automationConfig } as const;

  const names = Object.keys(handlers) as Array<keyof typeof handlers>;
  it.each(
    names.flatMap((name) =>
      ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__'].map(
        (key) => [name, key] as const,
      ),
    ),
  )(
    '%s refuses a call to %s as it refuses any unknown function, answering nothing of its context',
    async (name, functionKey) => {
      const handler = handlers[name];
      const call = handler(
        { call: { functionKey, payload: { secret: 'x' } }, context: { cloudId: 'c' } },
        { principal: { accountId: 'user-1' }, installContext: 'ari:cloud:jira::site/1' },
      );
      await expect(call).rejects.toThrow(`Resolver has no definition for '${functionKey}'.`);
    },
  );
});
