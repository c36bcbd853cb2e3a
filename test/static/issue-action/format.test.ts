import { formatBytes, formatClockTime, formatDateTime, plural } from '../../../static/issue-action/src/format';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [512, '512 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [10 * 1024, '10 KB'],
    [12_700, '12 KB'],
    [1024 * 1024 - 1, '1 MB'],
    [1024 * 1024, '1 MB'],
    [3_774_874, '3.6 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [160 * 1024 * 1024 + 1, '160 MB'],
    [1.25 * 1024 * 1024 * 1024, '1.3 GB'],
    [5000 * 1024 * 1024 * 1024, '5000 GB'],
    [-5, '0 bytes'],
    [Number.NaN, '0 bytes'],
  ])('%d bytes read "%s"', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('plural', () => {
  it.each([
    [0, '0 recipients'],
    [1, '1 recipient'],
    [2, '2 recipients'],
  ])('%d', (count, text) => {
    expect(plural(count, 'recipient')).toBe(text);
  });
});

describe('formatDateTime', () => {
  it('keeps text that is not a date', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it("writes an instant in the reader's locale, not as ISO text", () => {
    const text = formatDateTime('2026-11-12T14:05:00Z');
    expect(text).not.toContain('T14');
    expect(text).toContain('2026');
  });
});

describe('formatClockTime', () => {
  it.each([
    [new Date(2026, 10, 12, 21, 14, 5), '21:14:05'],
    [new Date(2026, 10, 12, 7, 3, 0), '07:03:00'],
    [new Date(2026, 10, 12, 0, 0, 59), '00:00:59'],
  ])('writes %s in local time as %s', (date, text) => {
    expect(formatClockTime(date.toISOString())).toBe(text);
  });

  it('keeps text that is not a date', () => {
    expect(formatClockTime('soon')).toBe('soon');
  });
});
