import { ALEX_ADMIN, APP_USER, CASEY_CUSTOMER, SAM_AGENT } from '../../../local/jira';
import { APP, as, get, newJira } from './helpers';
import { schemaErrors } from './openapi';

const NOT_AUTHENTICATED = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

const casey = encodeURIComponent(CASEY_CUSTOMER.accountId);
const sam = encodeURIComponent(SAM_AGENT.accountId);

describe("Jira's Email API (GET /user/email, /user/email/bulk)", () => {
  const jira = newJira();

  it('answers the app a hidden address, which the user answers leave out', async () => {
    const user = await get(jira, `/rest/api/3/user?accountId=${casey}`, APP);
    expect(user.json<{ emailAddress?: string }>().emailAddress).toBeUndefined();

    const answer = await get(jira, `/rest/api/3/user/email?accountId=${casey}`, APP);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ accountId: CASEY_CUSTOMER.accountId, email: 'casey.customer@customer.example' });
    expect(schemaErrors('UnrestrictedUserEmail', answer.json())).toEqual([]);
  });

  it('answers the app a list with one entry per known account, unknown and repeated ones left out', async () => {
    const answer = await get(
      jira,
      `/rest/api/3/user/email/bulk?accountId=${casey}&accountId=${sam}&accountId=nobody&accountId=${casey}`,
      APP,
    );
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([
      { accountId: CASEY_CUSTOMER.accountId, email: 'casey.customer@customer.example' },
      { accountId: SAM_AGENT.accountId, email: 'sam.rivera@example.com' },
    ]);
    answer.json<unknown[]>().forEach((entry) => expect(schemaErrors('UnrestrictedUserEmail', entry)).toEqual([]));
  });

  it.each([
    ['an admin', as(ALEX_ADMIN)],
    ['the person themselves', as(CASEY_CUSTOMER)],
  ])('refuses %s with 401, as Jira refuses anyone but an app', async (_who, actor) => {
    for (const path of [
      `/rest/api/3/user/email?accountId=${casey}`,
      `/rest/api/3/user/email/bulk?accountId=${casey}`,
    ]) {
      const answer = await get(jira, path, actor);
      expect(answer.status).toBe(401);
      expect(answer.json()).toEqual(NOT_AUTHENTICATED);
    }
  });

  it('answers 404 for an unknown account and for the app itself, 400 without an account id', async () => {
    const unknown = await get(jira, '/rest/api/3/user/email?accountId=nobody', APP);
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toEqual({ errorMessages: ["User with accountId 'nobody' does not exist."], errors: {} });
    expect((await get(jira, `/rest/api/3/user/email?accountId=${APP_USER.accountId}`, APP)).status).toBe(404);
    const missing = await get(jira, '/rest/api/3/user/email/bulk', APP);
    expect(missing.status).toBe(400);
    expect(missing.json()).toEqual({ errorMessages: ["The 'accountId' query parameter is required."], errors: {} });
  });
});
