import type { WhoMaySend } from '../../../src/contract/mail-settings';
import {
  checkSendPermission,
  restrictedReason,
  type SendPermissionLookups,
} from '../../../src/settings/send-permission';

const SUPPORT = { id: 'g-support', name: 'support-agents' };
const ADMINS = { id: 'g-admins', name: 'jira-admins' };
const DESK = { id: 10003, name: 'Service Desk Team' };
const DEVS = { id: 10000, name: 'Developers' };

const restricted = (groups: (typeof SUPPORT)[], projectRoles: (typeof DESK)[]): WhoMaySend => ({
  mode: 'restricted',
  groups,
  projectRoles,
});

/** Lookups answering from fixed data, recording what was asked. */
const lookups = (myGroupIds: (string | null)[], rolesHeld: number[]) => {
  const calls: string[] = [];
  const deps: SendPermissionLookups = {
    myGroups: async () => {
      calls.push('myGroups');
      return myGroupIds.map((groupId, index) => ({ groupId, name: `group-${index}` }));
    },
    rolesOfUserInProject: async (projectKey, accountId, userGroupIds, roleIds) => {
      calls.push(`roles ${projectKey} ${accountId} [${userGroupIds.join(',')}] [${roleIds.join(',')}]`);
      return rolesHeld.filter((id) => roleIds.includes(id));
    },
  };
  return { deps, calls };
};

const DENIED_BOTH =
  'Your Jira admin lets only members of support-agents, or people with the Service Desk Team role in this project, email issues. Ask your Jira admin for access.';

describe('checkSendPermission', () => {
  it('lets everyone send when the admin allows everyone, without asking Jira', async () => {
    const { deps, calls } = lookups([], []);
    await expect(
      checkSendPermission({ whoMaySend: { mode: 'everyone' }, projectKey: 'DEMO', accountId: 'u1' }, deps),
    ).resolves.toEqual({ allowed: true });
    expect(calls).toEqual([]);
  });

  it('lets a member of a chosen group send, matched by group id, without reading roles', async () => {
    const { deps, calls } = lookups([null, 'g-support'], []);
    await expect(
      checkSendPermission({ whoMaySend: restricted([SUPPORT], [DESK]), projectKey: 'DEMO', accountId: 'u1' }, deps),
    ).resolves.toEqual({ allowed: true });
    expect(calls).toEqual(['myGroups']);
  });

  it("lets a holder of a chosen role in the issue's project send, passing their group ids for group actors", async () => {
    const { deps, calls } = lookups(['g-users', null], [10003]);
    await expect(
      checkSendPermission(
        { whoMaySend: restricted([SUPPORT], [DEVS, DESK]), projectKey: 'DEMO', accountId: 'u1' },
        deps,
      ),
    ).resolves.toEqual({ allowed: true });
    expect(calls).toEqual(['myGroups', 'roles DEMO u1 [g-users] [10000,10003]']);
  });

  it('refuses someone in neither, naming the groups and roles', async () => {
    const { deps } = lookups(['g-users'], [10001]);
    await expect(
      checkSendPermission({ whoMaySend: restricted([SUPPORT], [DESK]), projectKey: 'DEMO', accountId: 'u1' }, deps),
    ).resolves.toEqual({
      allowed: false,
      reason: DENIED_BOTH,
    });
  });

  it('does not count a role the lookup answers that the admin did not choose', async () => {
    const deps: SendPermissionLookups = { myGroups: async () => [], rolesOfUserInProject: async () => [10002] };
    await expect(
      checkSendPermission({ whoMaySend: restricted([], [DESK]), projectKey: 'DEMO', accountId: 'u1' }, deps),
    ).resolves.toMatchObject({ allowed: false });
  });

  it('does not look roles up for an issue without a project', async () => {
    const { deps, calls } = lookups(['g-users'], [10003]);
    await expect(
      checkSendPermission({ whoMaySend: restricted([SUPPORT], [DESK]), projectKey: undefined, accountId: 'u1' }, deps),
    ).resolves.toEqual({
      allowed: false,
      reason: DENIED_BOTH,
    });
    expect(calls).toEqual(['myGroups']);
  });

  it('refuses without asking Jira when nothing was chosen', async () => {
    const { deps, calls } = lookups(['g-support'], [10003]);
    await expect(
      checkSendPermission({ whoMaySend: restricted([], []), projectKey: 'DEMO', accountId: 'u1' }, deps),
    ).resolves.toEqual({
      allowed: false,
      reason: 'Your Jira admin has not allowed anyone to email issues. Ask your Jira admin for access.',
    });
    expect(calls).toEqual([]);
  });

  it('passes a failed lookup on rather than guessing', async () => {
    const failure = new Error('Jira down');
    const deps: SendPermissionLookups = {
      myGroups: async () => Promise.reject(failure),
      rolesOfUserInProject: async () => [],
    };
    await expect(
      checkSendPermission({ whoMaySend: restricted([SUPPORT], []), projectKey: 'DEMO', accountId: 'u1' }, deps),
    ).rejects.toBe(failure);
  });
});

describe('restrictedReason', () => {
  it.each([
    [
      ['support-agents'],
      [],
      'Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.',
    ],
    [
      ['support-agents', 'jira-admins'],
      [],
      'Your Jira admin lets only members of support-agents or jira-admins email issues. Ask your Jira admin for access.',
    ],
    [
      ['a', 'b', 'c'],
      [],
      'Your Jira admin lets only members of a, b or c email issues. Ask your Jira admin for access.',
    ],
    [
      [],
      ['Service Desk Team'],
      'Your Jira admin lets only people with the Service Desk Team role in this project email issues. Ask your Jira admin for access.',
    ],
    [
      [],
      ['Developers', 'Service Desk Team'],
      'Your Jira admin lets only people with the Developers or Service Desk Team roles in this project email issues. Ask your Jira admin for access.',
    ],
    [['support-agents'], ['Service Desk Team'], DENIED_BOTH],
    [[], [], 'Your Jira admin has not allowed anyone to email issues. Ask your Jira admin for access.'],
  ])('groups %j and roles %j', (groups, roles, reason) => {
    expect(restrictedReason(groups, roles)).toBe(reason);
  });

  it('is the reason checkSendPermission gives for two groups and a role', async () => {
    const deps: SendPermissionLookups = { myGroups: async () => [], rolesOfUserInProject: async () => [] };
    await expect(
      checkSendPermission(
        { whoMaySend: restricted([SUPPORT, ADMINS], [DESK]), projectKey: 'DEMO', accountId: 'u1' },
        deps,
      ),
    ).resolves.toEqual({
      allowed: false,
      reason:
        'Your Jira admin lets only members of support-agents or jira-admins, or people with the Service Desk Team role in this project, email issues. Ask your Jira admin for access.',
    });
  });
});
