import { ADMIN_PARTS, type AdminPart } from '../../../src/contract/admin-view';
import type { AdminFunctions } from '../../../src/contract/functions';
import { MailValidationError } from '../../../src/mail/errors';
import { INTERNAL_MESSAGE } from '../../../src/messages/words';
import { adminViewAnswer } from '../../../src/resolvers/admin/load-admin-view';
import { readAdminView } from '../../../src/settings/admin-view';
import { adminRequest, configuredWorld, resolverWorld, silenceWarnings } from '../support/resolvers';

/** The read function that answers each part alone. */
const READ_FUNCTION: Record<AdminPart, keyof AdminFunctions> = {
  warnings: 'listWarnings',
  credentials: 'listCredentials',
  templates: 'listTemplates',
  mailSettings: 'getMailSettings',
  projectRoles: 'listProjectRoles',
  projects: 'listProjects',
  rules: 'listNotificationRules',
  statuses: 'listStatuses',
  jiraFields: 'listJiraFields',
  emailLogSettings: 'getEmailLogSettings',
  emailLog: 'listEmailLog',
  mailHandlers: 'listMailHandlers',
  handlerProjects: 'listHandlerProjects',
  incomingLog: 'listIncomingLog',
};

const PERMISSION_CHECK = '/rest/api/3/mypermissions?permissions=ADMINISTER';

describe('loadAdminView: the admin page reads in one call', () => {
  silenceWarnings();

  it('answers every part as its read function answers it alone, after one admin check', async () => {
    const world = await configuredWorld();
    world.jira.calls.length = 0;
    const view = await world.admin.loadAdminView(adminRequest({ parts: [...ADMIN_PARTS] }));
    expect(world.jira.calls.map((call) => call.path)).toEqual([PERMISSION_CHECK]);
    if (!view.ok) throw new Error(view.error.message);
    expect(Object.keys(view.data).sort()).toEqual([...ADMIN_PARTS].sort());
    for (const part of ADMIN_PARTS) {
      const alone = await world.admin[READ_FUNCTION[part]](adminRequest({}));
      expect({ part, answer: view.data[part] }).toEqual({ part, answer: alone });
    }
    expect(view.data.credentials).toMatchObject({ ok: true, data: [{ id: 'cred-1', isDefault: true }] });
  });

  it('answers only the parts asked for, each once', async () => {
    const world = await configuredWorld();
    const view = await world.admin.loadAdminView(adminRequest({ parts: ['warnings', 'credentials', 'warnings'] }));
    expect(view.ok && Object.keys(view.data)).toEqual(['warnings', 'credentials']);
  });

  it('refuses a caller who is no Jira administrator as a whole, before reading anything', async () => {
    const world = resolverWorld({ isAdmin: false });
    const view = await world.admin.loadAdminView(adminRequest({ parts: ['warnings', 'credentials'] }));
    expect(view).toEqual({
      ok: false,
      error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
    });
    expect(world.kv.count()).toBe(0);
    expect(world.jira.calls.map((call) => call.path)).toEqual([PERMISSION_CHECK]);
  });

  it.each([
    [{ parts: [] }, { parts: 'Ask for at least one part.' }],
    [{ parts: ['credentials', 'secrets'] }, { parts: 'Not a part of the admin page.' }],
    [{ parts: Array<string>(ADMIN_PARTS.length + 1).fill('warnings') }, { parts: 'Ask for each part once.' }],
    [{}, { parts: 'Invalid input: expected array, received undefined' }],
  ])('refuses the payload %j', async (payload, fieldErrors) => {
    const world = await configuredWorld();
    const view = await world.admin.loadAdminView(adminRequest(payload));
    expect(view).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!view.ok) expect(view.error.fieldErrors).toEqual(fieldErrors);
  });
});

describe('readAdminView and its answer', () => {
  it('reads the parts at once, and a part that fails leaves the others answered', async () => {
    const started: string[] = [];
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const outcomes = readAdminView(['templates', 'projects', 'rules'], {
      ...({} as Parameters<typeof readAdminView>[1]),
      templates: async () => {
        started.push('templates');
        await held;
        return [];
      },
      projects: async () => {
        started.push('projects');
        throw new TypeError('fetch failed');
      },
      rules: async () => {
        started.push('rules');
        throw new MailValidationError({ templateId: 'Choose a template.' });
      },
    });
    await Promise.resolve();
    expect(started).toEqual(['templates', 'projects', 'rules']);
    release();
    const view = adminViewAnswer(await outcomes);
    expect(view).toEqual({
      templates: { ok: true, data: [] },
      projects: { ok: false, error: { code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE } },
      rules: {
        ok: false,
        error: expect.objectContaining({
          code: 'VALIDATION_FAILED',
          fieldErrors: { templateId: 'Choose a template.' },
        }),
      },
    });
    expect(error.mock.calls).toEqual([['[issue-mailer] loadAdminView projects failed: TypeError']]);
    expect(warn).toHaveBeenCalledTimes(1);
    error.mockRestore();
    warn.mockRestore();
  });
});
