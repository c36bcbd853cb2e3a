import { expiryOf, formatRelative } from '../../../static/admin/src/shared/format';

const NOW = new Date('2026-11-01T12:00:00Z');

describe('expiryOf', () => {
  it.each([
    ['2026-12-31', 'ok', 60],
    ['2026-12-02', 'ok', 31],
    ['2026-12-01', 'soon', 30],
    ['2026-11-02', 'soon', 1],
    ['2026-11-01', 'soon', 0],
    ['2026-10-31', 'expired', -1],
    ['2026-11-01T11:59:59Z', 'expired', -1],
    ['2026-11-02T12:00:00Z', 'soon', 1],
  ])('%s is %s with %i days left', (expiresOn, state, daysLeft) => {
    expect(expiryOf(expiresOn, NOW)).toEqual({ state, daysLeft });
  });

  it.each([undefined, '', 'soon'])('%j has no expiry', (expiresOn) => {
    expect(expiryOf(expiresOn, NOW).state).toBe('none');
  });
});

describe('formatRelative', () => {
  it.each([
    ['2026-11-01T11:59:30Z', 'just now'],
    ['2026-11-01T11:55:00Z', '5 minutes ago'],
    ['2026-11-01T09:00:00Z', '3 hours ago'],
    ['2026-10-31T12:00:00Z', 'yesterday'],
    ['2026-10-20T12:00:00Z', '12 days ago'],
    ['2026-08-01T12:00:00Z', '3 months ago'],
    ['2024-11-01T12:00:00Z', '2 years ago'],
  ])('%s reads "%s"', (iso, text) => {
    expect(formatRelative(iso, NOW)).toBe(text);
  });
});
