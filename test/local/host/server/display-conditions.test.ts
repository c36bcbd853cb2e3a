import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../../../local/host';
import {
  type ConditionFacts,
  type DisplayConditions,
  displayConditionsHold,
  displayConditionsSchema,
} from '../../../../local/host/server/display-conditions';
import { CASEY_CUSTOMER, JORDAN_MEMBER } from '../../../../local/jira';

jest.setTimeout(60_000);

/** A person holding exactly these global permissions. */
const holding = (...keys: string[]): ConditionFacts => ({ hasGlobalPermission: async (key) => keys.includes(key) });

describe('display conditions', () => {
  it.each<[string, DisplayConditions | undefined, ConditionFacts, boolean]>([
    ['no conditions', undefined, holding(), true],
    ['a held global permission', { hasGlobalPermission: 'USER_PICKER' }, holding('USER_PICKER'), true],
    ['a missing global permission', { hasGlobalPermission: 'USER_PICKER' }, holding(), false],
    [
      'two conditions: both must hold',
      { hasGlobalPermission: 'USER_PICKER', canAdministerJira: true },
      holding('USER_PICKER'),
      false,
    ],
    ['canAdministerJira: false for a non-admin', { canAdministerJira: false }, holding('USER_PICKER'), true],
    ['or: one is enough', { or: { hasGlobalPermission: 'ADMINISTER', canAdministerJira: false } }, holding(), true],
    [
      'or: none holds',
      { or: { hasGlobalPermission: 'ADMINISTER', canAdministerJira: true } },
      holding('USER_PICKER'),
      false,
    ],
    ['not', { not: { hasGlobalPermission: 'USER_PICKER' } }, holding('USER_PICKER'), false],
    [
      'and inside not',
      { not: { and: { hasGlobalPermission: 'USER_PICKER', canAdministerJira: true } } },
      holding('USER_PICKER'),
      true,
    ],
  ])('%s', async (_name, conditions, facts, shown) => {
    await expect(displayConditionsHold(conditions, facts)).resolves.toBe(shown);
  });

  it('refuses a condition it cannot evaluate, rather than showing the module', () => {
    const parsed = displayConditionsSchema.safeParse({ jiraExpression: 'user.groups.includes("support")' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('uses a display condition the local host does not evaluate');
    expect(displayConditionsSchema.safeParse({ hasGlobalPermission: 'BROWSE' }).success).toBe(false);
  });
});

describe('"Email this issue" in the Apps menu of the local host', () => {
  let dataDir: string;
  let host: LocalHost;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'display-conditions-'));
    host = await startLocalHost({ port: 0, dataDir, log: () => undefined });
  });
  afterAll(async () => {
    await host?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const issuePageAs = async (accountId: string): Promise<string> => {
    const answer = await fetch(`${host.url}/browse/DEMO-1`, {
      headers: { cookie: `forge-local-account=${encodeURIComponent(accountId)}` },
    });
    expect(answer.status).toBe(200);
    return answer.text();
  };

  it('shows it to Jordan, who may browse users, and hides it from Casey, a customer, who may not', async () => {
    expect(await issuePageAs(JORDAN_MEMBER.accountId)).toContain('data-module-key="email-this-issue"');
    const casey = await issuePageAs(CASEY_CUSTOMER.accountId);
    expect(casey).toContain('DEMO-1');
    expect(casey).not.toContain('data-module-key="email-this-issue"');
  });
});
