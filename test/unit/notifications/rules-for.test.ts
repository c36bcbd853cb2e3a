import type { NotificationRuleView } from '../../../src/contract/notification-rules';
import type { IssueEventFact } from '../../../src/notifications/issue-event';
import { rulesFor } from '../../../src/notifications/notify';
import { eventFact, ruleView } from './notification-fixtures';

const transitioned = (toStatus: string | undefined): IssueEventFact =>
  eventFact({ kind: 'issue-transitioned', eventId: 'changelog:30001', ...(toStatus === undefined ? {} : { toStatus }) });

describe('rulesFor', () => {
  it.each<[string, Partial<NotificationRuleView>, IssueEventFact, boolean]>([
    ['an enabled rule of the event and project', {}, eventFact(), true],
    ['a disabled rule', { enabled: false }, eventFact(), false],
    ['a rule of another event', { event: 'issue-commented' }, eventFact(), false],
    ['a comment rule for a comment', { event: 'issue-commented' }, eventFact({ kind: 'issue-commented', eventId: 'comment:1' }), true],
    ['a rule of another project', { projectKeys: ['OPS'] }, eventFact(), false],
    ['a rule of several projects, this one among them', { projectKeys: ['OPS', 'DEMO'] }, eventFact(), true],
    ['a project key in another case (keys are upper case)', { projectKeys: ['OPS'] }, eventFact({ issue: { id: '1', key: 'ops-1', projectKey: 'ops' } }), false],
    ['a transition rule for any status', { event: 'issue-transitioned' }, transitioned('Done'), true],
    ['a transition rule for this status', { event: 'issue-transitioned', toStatus: 'Done' }, transitioned('Done'), true],
    ['a transition rule for the status in another case and spacing', { event: 'issue-transitioned', toStatus: ' in progress ' }, transitioned('In Progress'), true],
    ['a transition rule for another status', { event: 'issue-transitioned', toStatus: 'Done' }, transitioned('In Review'), false],
    ['a transition rule for a status, the event naming none', { event: 'issue-transitioned', toStatus: 'Done' }, transitioned(undefined), false],
  ])('%s', (_name, overrides, fact, matches) => {
    const rule = ruleView(overrides);
    expect(rulesFor([rule], fact)).toEqual(matches ? [rule] : []);
  });

  it('keeps the matching rules in their order', () => {
    const rules = [
      ruleView({ id: 'a' }),
      ruleView({ id: 'b', enabled: false }),
      ruleView({ id: 'c', event: 'issue-transitioned' }),
      ruleView({ id: 'd', projectKeys: ['OPS', 'DEMO'] }),
      ruleView({ id: 'e', projectKeys: ['OPS'] }),
    ];
    expect(rulesFor(rules, eventFact()).map((rule) => rule.id)).toEqual(['a', 'd']);
    expect(rulesFor([], eventFact())).toEqual([]);
  });
});
