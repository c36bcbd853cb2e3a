import { ALEX_ADMIN, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import type { JiraActor } from '../../../local/jira/types';
import { APP, as, get, newJira, send } from './helpers';

interface SearchAnswer {
  issues: { id: string; key?: string; fields?: Record<string, unknown> }[];
  isLast: boolean;
  nextPageToken?: string;
  names?: Record<string, string>;
}

const q = (jql: string): string => encodeURIComponent(jql);

describe('GET /rest/api/3/search/jql', () => {
  const jira = newJira();
  const admin = as(ALEX_ADMIN);
  const keys = async (jql: string, actor: JiraActor = admin): Promise<string[]> => {
    const answer = await get(jira, `/rest/api/3/search/jql?jql=${q(jql)}&fields=summary`, actor);
    expect(answer.status).toBe(200);
    return answer.json<SearchAnswer>().issues.map((issue) => issue.key as string);
  };

  it.each([
    ['project = DEMO', ['DEMO-6', 'DEMO-5', 'DEMO-4', 'DEMO-3', 'DEMO-2', 'DEMO-1']],
    ['project = demo ORDER BY key ASC', ['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5', 'DEMO-6']],
    ['project = "Demo IT Support" ORDER BY created ASC', ['DEMO-4', 'DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-5', 'DEMO-6']],
    ['key in (DEMO-3, demo-1, "DEMO-5") ORDER BY key', ['DEMO-1', 'DEMO-3', 'DEMO-5']],
    ['issuekey = DEMO-2', ['DEMO-2']],
    ['id = 10004', ['DEMO-4']],
    ['project = DEMO AND key > DEMO-4 ORDER BY key', ['DEMO-5', 'DEMO-6']],
    ['project = DEMO ORDER BY priority DESC, key DESC', ['DEMO-3', 'DEMO-1', 'DEMO-5', 'DEMO-2', 'DEMO-4', 'DEMO-6']],
    ['project = DEMO ORDER BY priority ASC, key ASC', ['DEMO-6', 'DEMO-4', 'DEMO-2', 'DEMO-5', 'DEMO-1', 'DEMO-3']],
    ['status = "In Progress" ORDER BY key', ['DEMO-1', 'DEMO-6']],
    ['status != Done AND statusCategory = "In Progress" ORDER BY key', ['DEMO-1', 'DEMO-3', 'DEMO-6']],
    ['statusCategory = done', ['DEMO-4']],
    ['resolution = Unresolved AND type = Bug ORDER BY key', ['DEMO-1', 'DEMO-3', 'DEMO-6']],
    ['assignee is EMPTY', ['DEMO-5']],
    ['assignee = currentUser() ORDER BY key', ['DEMO-4', 'DEMO-6']],
    [`reporter = "${CASEY_CUSTOMER.accountId}" ORDER BY key`, ['DEMO-1', 'DEMO-4']],
    [
      `assignee in ("${SAM_AGENT.accountId}", EMPTY) ORDER BY key`,
      ['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-5', 'OPS-1', 'OPS-2'],
    ],
    ['labels = VPN', ['DEMO-3']],
    ['labels in (onboarding, mfa) ORDER BY key DESC', ['DEMO-5', 'DEMO-2']],
    ['component = "Identity & Access" ORDER BY key', ['DEMO-2', 'DEMO-5']],
    ['summary ~ "vpn"', ['DEMO-3', 'DEMO-2']],
    ['summary ~ "vpn wi-fi"', ['DEMO-3']],
    ['summary !~ "vpn" ORDER BY key', ['DEMO-1', 'DEMO-4', 'DEMO-5', 'DEMO-6', 'OPS-1', 'OPS-2']],
    ['text ~ "roaming" ORDER BY key', ['DEMO-3']],
    ['comment ~ "Intune"', ['DEMO-4']],
    ['description ~ "globalprot*"', ['DEMO-3', 'DEMO-2']],
    ['project = DEMO AND NOT (priority = Medium OR priority = Low) ORDER BY key', ['DEMO-1', 'DEMO-3', 'DEMO-6']],
    ['duedate is not EMPTY ORDER BY duedate ASC', ['DEMO-1', 'DEMO-2', 'DEMO-6']],
    ['created >= "2025-03-05" ORDER BY created', ['DEMO-3', 'DEMO-5', 'DEMO-6']],
    ['updated < 2025/03/01', ['DEMO-4']],
    ['created > -2d', ['DEMO-6', 'DEMO-5']],
    ['created > "-1w 2d" AND created < -3d ORDER BY key', ['DEMO-1', 'DEMO-2', 'DEMO-3']],
    ['watcher = currentUser() ORDER BY key', ['DEMO-1', 'DEMO-2', 'DEMO-5']],
  ])('%s', async (jql, expected) => {
    expect(await keys(jql)).toEqual(expected);
  });

  it('answers only issue ids when no fields are asked for', async () => {
    const body = (
      await get(jira, `/rest/api/3/search/jql?jql=${q('key in (DEMO-1, DEMO-2) ORDER BY key')}`, admin)
    ).json<SearchAnswer>();
    expect(body).toEqual({ issues: [{ id: '10001' }, { id: '10002' }], isLast: true });
  });

  it('answers the asked-for fields, and names once for the page', async () => {
    const body = (
      await get(jira, `/rest/api/3/search/jql?jql=${q('key = DEMO-6')}&fields=summary,status&expand=names`, admin)
    ).json<SearchAnswer>();
    expect(body.issues[0]?.fields && Object.keys(body.issues[0].fields)).toEqual(['status', 'summary']);
    expect(body.names).toEqual({ status: 'Status', summary: 'Summary' });
  });

  it('uses *navigable as the base for fields=-description', async () => {
    const body = (
      await get(jira, `/rest/api/3/search/jql?jql=${q('key = DEMO-6')}&fields=-description`, admin)
    ).json<SearchAnswer>();
    const fields = Object.keys(body.issues[0]?.fields ?? {});
    expect(fields).not.toContain('comment');
    expect(fields).not.toContain('description');
    expect(fields).toContain('summary');
  });

  it('pages with nextPageToken', async () => {
    const jql = q('project = DEMO ORDER BY key');
    const first = (await get(jira, `/rest/api/3/search/jql?jql=${jql}&maxResults=4`, admin)).json<SearchAnswer>();
    expect(first.issues.map((issue) => issue.id)).toEqual(['10001', '10002', '10003', '10004']);
    expect(first.isLast).toBe(false);
    const second = (
      await get(jira, `/rest/api/3/search/jql?jql=${jql}&maxResults=4&nextPageToken=${first.nextPageToken}`, admin)
    ).json<SearchAnswer>();
    expect(second).toEqual({ issues: [{ id: '10005' }, { id: '10006' }], isLast: true });
    const wrongQuery = await get(
      jira,
      `/rest/api/3/search/jql?jql=${q('project = DEMO')}&nextPageToken=${first.nextPageToken}`,
      admin,
    );
    expect(wrongQuery.status).toBe(400);
    expect(wrongQuery.json()).toEqual({
      errorMessages: ['The provided next page token is invalid or expired.'],
      errors: {},
    });
  });

  it.each([
    ['Casey Customer', as(CASEY_CUSTOMER), ['DEMO-4', 'DEMO-1']],
    ['Jordan Lee', as(JORDAN_MEMBER), ['DEMO-6', 'DEMO-5', 'DEMO-4', 'DEMO-3', 'DEMO-2', 'DEMO-1']],
    ['the app', APP, ['DEMO-6', 'DEMO-5', 'DEMO-4', 'DEMO-3', 'DEMO-2', 'DEMO-1']],
  ])('shows %s only the issues they may browse', async (_who, actor, expected) => {
    expect(await keys('project = DEMO', actor)).toEqual(expected);
  });

  const invalid = (message: string) => ({ errorMessages: [message], errors: {} });

  it.each([
    ['', invalid('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.')],
    [
      'ORDER BY created DESC',
      invalid('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'),
    ],
    ['project = NOPE', invalid("The value 'NOPE' does not exist for the field 'project'.")],
    ['colour = red', invalid("Field 'colour' does not exist or you do not have permission to view it.")],
    ['key = DEMO', invalid("The issue key 'DEMO' for field 'key' is invalid.")],
    ['key in (DEMO-1, DEMO-42)', invalid("An issue with key 'DEMO-42' does not exist for field 'key'.")],
    ['status = Blocked', invalid("The value 'Blocked' does not exist for the field 'status'.")],
    ['project ~ DEMO', invalid("The operator '~' is not supported by the 'project' field.")],
    [
      'project = DEMO foo',
      invalid("Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'. (line 1, character 16)"),
    ],
    [
      'project DEMO',
      invalid(
        "Error in the JQL Query: Expecting operator but got 'DEMO'. Valid operators are: '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'in', 'not in', 'is', 'is not'. (line 1, character 9)",
      ),
    ],
    [
      'summary ~ "open',
      invalid("Error in the JQL Query: The quoted string 'open' has not been completed. (line 1, character 11)"),
    ],
    [
      'created > yesterday',
      invalid(
        "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
      ),
    ],
    ['assignee = membersOf(x)', invalid("Unable to find JQL function 'membersOf(x)'.")],
    [
      'project = DEMO ORDER BY colour',
      invalid("Field 'colour' does not exist or you do not have permission to view it."),
    ],
  ])('answers 400 for %j', async (jql, expected) => {
    const answer = await get(jira, `/rest/api/3/search/jql?jql=${q(jql)}`, admin);
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual(expected);
  });

  it('answers the removed /search endpoints with 410', async () => {
    const removed = {
      errorMessages: [
        'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
      ],
      errors: {},
    };
    const viaGet = await get(jira, `/rest/api/3/search?jql=${q('project = DEMO')}`, admin);
    const viaPost = await send(jira, 'POST', '/rest/api/2/search', admin, { jql: 'project = DEMO' });
    expect([viaGet.status, viaPost.status]).toEqual([410, 410]);
    expect(viaGet.json()).toEqual(removed);
    expect(viaPost.json()).toEqual(removed);
  });

  it('searches by POST with a JSON body', async () => {
    const answer = await send(jira, 'POST', '/rest/api/3/search/jql', admin, {
      jql: 'labels = dock OR labels = printing ORDER BY key',
      fields: ['summary'],
      maxResults: 1,
    });
    const body = answer.json<SearchAnswer>();
    expect(body.issues.map((issue) => issue.key)).toEqual(['DEMO-4']);
    expect(body.isLast).toBe(false);
    const next = (
      await send(jira, 'POST', '/rest/api/3/search/jql', admin, {
        jql: 'labels = dock OR labels = printing ORDER BY key',
        fields: ['summary'],
        nextPageToken: body.nextPageToken,
      })
    ).json<SearchAnswer>();
    expect(next.issues.map((issue) => issue.key)).toEqual(['DEMO-6']);
  });

  it('counts matches', async () => {
    const answer = await send(jira, 'POST', '/rest/api/3/search/approximate-count', admin, { jql: 'type = Bug' });
    expect(answer.json()).toEqual({ count: 3 });
  });
});
