import { jiraDateTime, renderedDate, renderedDateTime } from '../../../local/jira/dates';

describe('Jira dates', () => {
  it.each([
    ['2025-03-03T08:12:41.000Z', 'UTC', '2025-03-03T08:12:41.000+0000'],
    ['2025-03-03T08:12:41.123Z', 'Australia/Sydney', '2025-03-03T19:12:41.123+1100'],
    ['2025-07-03T08:12:41.000Z', 'America/New_York', '2025-07-03T04:12:41.000-0400'],
    ['2025-01-03T08:12:41.000Z', 'America/New_York', '2025-01-03T03:12:41.000-0500'],
    ['2025-03-03T23:30:00.000Z', 'Asia/Kolkata', '2025-03-04T05:00:00.000+0530'],
  ])('writes %s in %s as %s', (iso, zone, expected) => {
    expect(jiraDateTime(iso, zone)).toBe(expected);
  });

  const now = new Date('2025-03-08T10:00:00.000Z');

  it.each([
    ['2025-03-08T00:05:00.000Z', 'UTC', 'Today 12:05 AM'],
    ['2025-03-07T12:30:00.000Z', 'UTC', 'Yesterday 12:30 PM'],
    ['2025-03-03T08:12:41.000Z', 'UTC', 'Monday 8:12 AM'],
    ['2025-03-01T08:12:41.000Z', 'UTC', '01/Mar/25 8:12 AM'],
    ['2025-03-07T20:00:00.000Z', 'Australia/Sydney', 'Today 7:00 AM'],
    ['2024-12-24T23:59:00.000Z', 'UTC', '24/Dec/24 11:59 PM'],
  ])('renders %s in %s as %j', (iso, zone, expected) => {
    expect(renderedDateTime(iso, zone, now)).toBe(expected);
  });

  it('renders a due date', () => {
    expect(renderedDate('2025-03-07')).toBe('07/Mar/25');
  });
});
