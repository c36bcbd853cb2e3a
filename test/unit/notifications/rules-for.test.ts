import type { NotificationRuleView } from '../../../src/contract/notification-rules';
import type { IssueEventFact } from '../../../src/notifications/issue-event';
import { rulesFor } from '../../../src/notifications/notify';
import { eventFact, ruleView } from './notification-fixtures';

const transitioned = (toStatus: string | undefined): IssueEventFact =>
  eventFact({
    kind: 'issue-transitioned',
    eventId: 'changelog:30001',
    ...(toStatus === undefined ? {} : { toStatus }),
  });

const changed = (...ids: string[]): IssueEventFact =>
  eventFact({ kind: 'field-changed', eventId: 'changelog:30001', fields: ids.map((id) => ({ id, name: id })) });

describe('rulesFor', () => {
  it.each<[string, Partial<NotificationRuleView>, IssueEventFact, boolean]>([
    ['an enabled rule of the event and project', {}, eventFact(), true],
    ['a disabled rule', { enabled: false }, eventFact(), false],
    ['a rule of another event', { event: 'issue-commented' }, eventFact(), false],
    [
      'a comment rule for a comment',
      { event: 'issue-commented' },
      eventFact({ kind: 'issue-commented', eventId: 'comment:1' }),
      true,
    ],
    ['a rule of another project', { projectKeys: ['OPS'] }, eventFact(), false],
    ['a rule of several projects, this one among them', { projectKeys: ['OPS', 'DEMO'] }, eventFact(), true],
    [
      'a project key in another case (keys are upper case)',
      { projectKeys: ['OPS'] },
      eventFact({ issue: { id: '1', key: 'ops-1', projectKey: 'ops' } }),
      false,
    ],
    ['a transition rule for any status', { event: 'issue-transitioned' }, transitioned('Done'), true],
    [
      'a transition rule for this status',
      { event: 'issue-transitioned', toStatus: 'Done' },
      transitioned('Done'),
      true,
    ],
    [
      'a transition rule for the status in another case and spacing',
      { event: 'issue-transitioned', toStatus: ' in progress ' },
      transitioned('In Progress'),
      true,
    ],
    [
      'a transition rule for another status',
      { event: 'issue-transitioned', toStatus: 'Done' },
      transitioned('In Review'),
      false,
    ],
    [
      'a transition rule for a status, the event naming none',
      { event: 'issue-transitioned', toStatus: 'Done' },
      transitioned(undefined),
      false,
    ],
    [
      'an assigned rule for an assignment',
      { event: 'issue-assigned' },
      eventFact({ kind: 'issue-assigned', change: { from: null, to: 'Sam' } }),
      true,
    ],
    ['an assigned rule for a transition', { event: 'issue-assigned' }, transitioned('Done'), false],
    ['a resolved rule for a resolution', { event: 'issue-resolved' }, eventFact({ kind: 'issue-resolved' }), true],
    [
      'a priority rule for a priority change',
      { event: 'priority-changed' },
      eventFact({ kind: 'priority-changed' }),
      true,
    ],
    ['a priority rule for a resolution', { event: 'priority-changed' }, eventFact({ kind: 'issue-resolved' }), false],
    ['a field rule for its field', { event: 'field-changed', fieldId: 'labels' }, changed('summary', 'labels'), true],
    ['a field rule for another field', { event: 'field-changed', fieldId: 'labels' }, changed('summary'), false],
    [
      'a field rule for a custom field by id',
      { event: 'field-changed', fieldId: 'customfield_10016' },
      changed('customfield_10016'),
      true,
    ],
    ['a field rule naming no field', { event: 'field-changed' }, changed('labels'), false],
    [
      'an attachment rule for a new file',
      { event: 'attachment-added' },
      eventFact({ kind: 'attachment-added', attachment: { id: '1', fileName: 'a.png' } }),
      true,
    ],
    ['an attachment rule for a comment', { event: 'attachment-added' }, eventFact({ kind: 'issue-commented' }), false],
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
