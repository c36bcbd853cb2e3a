import { ALEX_ADMIN, APP_USER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import type { JiraActor } from '../../../local/jira/types';
import { APP, as, get, newJira, send } from './helpers';
import { fieldsOf } from './issue-changes-fixtures';

const REFUSED = {
  errorMessages: [],
  errors: { reporter: "Field 'reporter' cannot be set. It is not on the appropriate screen, or unknown." },
};

const holds = async (jira: ReturnType<typeof newJira>, actor: JiraActor, projectKey: string): Promise<boolean> =>
  (await get(jira, `/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=MODIFY_REPORTER`, actor)).json<{
    permissions: { MODIFY_REPORTER: { havePermission: boolean } };
  }>().permissions.MODIFY_REPORTER.havePermission;

const task = (projectKey: string, reporter: string) => ({
  fields: {
    project: { key: projectKey },
    issuetype: { name: projectKey === 'OPS' ? 'Bug' : 'Task' },
    summary: 'Printer jams',
    reporter: { accountId: reporter },
  },
});

describe('Modify Reporter', () => {
  it('is one of the permissions mypermissions answers for, worded as Jira words it', async () => {
    const jira = newJira();
    const mine = await get(
      jira,
      '/rest/api/3/mypermissions?projectKey=DEMO&permissions=MODIFY_REPORTER',
      as(ALEX_ADMIN),
    );
    expect(mine.json<{ permissions: Record<string, unknown> }>().permissions.MODIFY_REPORTER).toEqual({
      id: '30',
      key: 'MODIFY_REPORTER',
      name: 'Modify Reporter',
      type: 'PROJECT',
      description: 'Ability to modify the reporter when creating or editing an issue.',
      havePermission: true,
    });
  });

  it("is the app's in DEMO (its scheme grants the add-ons role everything) and not in OPS", async () => {
    const jira = newJira();
    expect(await holds(jira, APP, 'DEMO')).toBe(true);
    expect(await holds(jira, APP, 'OPS')).toBe(false);
    expect(await holds(jira, as(SAM_AGENT), 'OPS')).toBe(true);
    expect(await holds(jira, as(JORDAN_MEMBER), 'DEMO')).toBe(false);
  });

  it("takes the reporter by `id` as well, as the OpenAPI description's create example names it", async () => {
    const jira = newJira();
    const body = task('DEMO', JORDAN_MEMBER.accountId);
    const created = await send(jira, 'POST', '/rest/api/3/issue', APP, {
      fields: { ...body.fields, reporter: { id: JORDAN_MEMBER.accountId } },
    });
    expect(created.status).toBe(201);
    expect(await fieldsOf(jira, created.json<{ key: string }>().key)).toMatchObject({
      reporter: { accountId: JORDAN_MEMBER.accountId },
    });
  });

  it('lets the app name the reporter of a new issue in DEMO', async () => {
    const jira = newJira();
    const created = await send(jira, 'POST', '/rest/api/3/issue', APP, task('DEMO', JORDAN_MEMBER.accountId));
    expect(created.status).toBe(201);
    const { key } = created.json<{ key: string }>();
    expect(await fieldsOf(jira, key)).toMatchObject({
      reporter: { accountId: JORDAN_MEMBER.accountId },
      creator: { accountId: APP_USER.accountId },
    });
  });

  it("refuses fields.reporter from a caller without it, with Jira's error, and creates nothing", async () => {
    const jira = newJira();
    const before = jira.issueKeys().length;
    for (const [actor, projectKey] of [
      [APP, 'OPS'],
      [as(JORDAN_MEMBER), 'DEMO'],
    ] as const) {
      const refused = await send(jira, 'POST', '/rest/api/3/issue', actor, task(projectKey, SAM_AGENT.accountId));
      expect(refused.status).toBe(400);
      expect(refused.json()).toEqual(REFUSED);
    }
    expect(jira.issueKeys()).toHaveLength(before);
    // Without the field, the app reports the issue itself.
    const { fields } = task('OPS', SAM_AGENT.accountId);
    const { reporter: _dropped, ...withoutReporter } = fields;
    const created = await send(jira, 'POST', '/rest/api/3/issue', APP, { fields: withoutReporter });
    expect(created.status).toBe(201);
    expect(await fieldsOf(jira, created.json<{ key: string }>().key)).toMatchObject({
      reporter: { accountId: APP_USER.accountId },
    });
  });
});
