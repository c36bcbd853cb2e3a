// The bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the
// formatter's module loads.
import './support/context-bridge';

import {
  formatDate as adminFormatDate,
  formatDateTime as adminFormatDateTime,
} from '../../../static/admin/src/shared/format';
import { formatDateTime as dialogFormatDateTime } from '../../../static/issue-action/src/format';
import {
  dateSettings,
  dateSettingsFrom,
  formatDate,
  formatDateTime,
  setDateSettings,
  withFormattedDate,
} from '../../../static/shared/date-format';
import { loadDateSettings } from '../../../static/shared/date-settings';
import { frameContext } from './support/context-bridge';

const INSTANT = '2026-12-25T14:05:00Z';

afterEach(() => setDateSettings({}));

describe('one date format for every UI, in the locale and time zone of the Forge context', () => {
  it.each([
    ['en-US', 'America/New_York', 'Dec 25, 2026', 'Dec 25, 2026, 9:05 AM'],
    ['en-GB', 'Europe/London', '25 Dec 2026', '25 Dec 2026, 14:05'],
    ['de-DE', 'Europe/Berlin', '25.12.2026', '25.12.2026, 15:05'],
  ])('%s in %s writes a date as %j and a moment as %j', async (locale, timezone, date, dateTime) => {
    frameContext.value = { accountId: 'a', locale, timezone };
    await loadDateSettings();
    expect(formatDate('2026-12-25')).toBe(date);
    // ICU versions differ in the space before AM (U+202F or U+0020); the rest is exact.
    expect(formatDateTime(INSTANT).replace(/\u202f/g, ' ')).toBe(dateTime);
  });

  it('reads Jira\'s "en_GB" spelling as en-GB', () => {
    expect(dateSettingsFrom({ locale: 'en_GB', timezone: 'Europe/London' })).toEqual({
      locale: 'en-GB',
      timeZone: 'Europe/London',
    });
  });

  it('ignores a locale or time zone it cannot use, and a context without them', () => {
    expect(dateSettingsFrom({ locale: 'not a locale!', timezone: 'Mars/Olympus_Mons' })).toEqual({});
    expect(dateSettingsFrom(null)).toEqual({});
  });

  it('keeps the browser defaults when the context cannot be read', async () => {
    setDateSettings({ locale: 'en-GB' });
    frameContext.value = Promise.reject(new Error('no product frame'));
    await loadDateSettings();
    expect(dateSettings()).toEqual({ locale: 'en-GB' });
  });

  it('writes a calendar date as the same day whatever the time zone, and the date of an instant in UTC', () => {
    setDateSettings({ locale: 'en-US', timeZone: 'Pacific/Kiritimati' });
    expect(formatDate('2026-12-25')).toBe('Dec 25, 2026');
    expect(formatDate('2026-12-25T23:30:00Z')).toBe('Dec 25, 2026');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime('')).toBe('');
  });

  it('rewrites the date a backend message names', () => {
    setDateSettings({ locale: 'en-GB' });
    expect(withFormattedDate('The client secret expires on 2026-12-25 (in 20 days).', '2026-12-25')).toBe(
      'The client secret expires on 25 Dec 2026 (in 20 days).',
    );
    expect(withFormattedDate('Nothing dated.', undefined)).toBe('Nothing dated.');
  });

  it('is the formatter the admin page and the issue dialog use', () => {
    setDateSettings({ locale: 'en-GB', timeZone: 'Europe/London' });
    expect(adminFormatDate('2026-12-25')).toBe('25 Dec 2026');
    expect(adminFormatDateTime(INSTANT)).toBe('25 Dec 2026, 14:05');
    expect(dialogFormatDateTime(INSTANT)).toBe('25 Dec 2026, 14:05');
  });
});
