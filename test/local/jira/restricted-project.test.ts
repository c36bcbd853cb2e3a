import { ALEX_ADMIN, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import { type Answer, APP, as, get, newJira, send } from './helpers';

/**
 * SEC's permission scheme grants its security team (Sam) and nobody else: not the default group, not the
 * `atlassian-addons-project-access` role through which the app's own account reaches DEMO and OPS.
 */
describe('the restricted project SEC', () => {
  const jira = newJira();
  const comment = {
    body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Seen.' }] }] },
  };
  const browse = async (path: string, actor: Parameters<typeof get>[2]): Promise<number> =>
    (await get(jira, path, actor)).status;
  const permissionsOf = async (
    actor: Parameters<typeof get>[2],
    projectKey: string,
  ): Promise<Record<string, boolean>> => {
    const answer: Answer = await get(
      jira,
      `/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=BROWSE_PROJECTS,ADD_COMMENTS,CREATE_ATTACHMENTS`,
      actor,
    );
    const body = answer.json<{ permissions: Record<string, { havePermission: boolean }> }>();
    return Object.fromEntries(Object.entries(body.permissions).map(([key, value]) => [key, value.havePermission]));
  };

  it('shows SEC-1 and its attachment to the security team only', async () => {
    expect(await browse('/rest/api/3/issue/SEC-1', as(SAM_AGENT))).toBe(200);
    expect(await browse('/rest/api/3/attachment/content/10099?redirect=false', as(SAM_AGENT))).toBe(200);
    for (const actor of [APP, as(ALEX_ADMIN), as(JORDAN_MEMBER)]) {
      expect(await browse('/rest/api/3/issue/SEC-1', actor)).toBe(404);
      // The attachment answers 403 (its permission check), as Jira's "Get attachment content" documents.
      expect(await browse('/rest/api/3/attachment/content/10099?redirect=false', actor)).toBe(403);
    }
  });

  it("gives the app's own account nothing in SEC, and every project permission in DEMO through atlassian-addons-project-access", async () => {
    expect(await permissionsOf(APP, 'SEC')).toEqual({
      BROWSE_PROJECTS: false,
      ADD_COMMENTS: false,
      CREATE_ATTACHMENTS: false,
    });
    expect(await permissionsOf(APP, 'DEMO')).toEqual({
      BROWSE_PROJECTS: true,
      ADD_COMMENTS: true,
      CREATE_ATTACHMENTS: true,
    });
    expect(await permissionsOf(as(SAM_AGENT), 'SEC')).toEqual({
      BROWSE_PROJECTS: true,
      ADD_COMMENTS: true,
      CREATE_ATTACHMENTS: true,
    });
  });

  it('refuses a comment on SEC-1 from the app as Jira refuses one on an issue it cannot see', async () => {
    const refused = await send(jira, 'POST', '/rest/api/3/issue/SEC-1/comment', APP, comment);
    expect(refused.status).toBe(404);
    expect((await send(jira, 'POST', '/rest/api/3/issue/SEC-1/comment', as(SAM_AGENT), comment)).status).toBe(201);
  });

  it('leaves SEC-1 out of the searches of everyone outside the security team', async () => {
    const keys = async (actor: Parameters<typeof get>[2]) =>
      (await get(jira, '/rest/api/3/search/jql?jql=project%20%3D%20SEC&fields=summary', actor))
        .json<{ issues: { key: string }[] }>()
        .issues.map((issue) => issue.key);
    expect(await keys(as(SAM_AGENT))).toEqual(['SEC-1']);
    expect(await keys(APP)).toEqual([]);
    expect(await keys(as(ALEX_ADMIN))).toEqual([]);
  });
});
