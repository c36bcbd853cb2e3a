/** Number formats for the README's generated sections: fixed, locale-free, so every machine renders the same text. */
import type { Spread } from '../stats';

/** 1234567.8 -> "1,234,567.8" with `decimals` decimals. */
export const num = (value: number, decimals = 0): string => {
  if (!Number.isFinite(value)) return '-';
  const [whole = '0', fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
};

export const kib = (bytes: number): string => `${num(bytes / 1024, 1)} KiB`;

export const mib = (value: number): string => `${num(value, 1)} MiB`;

/** A ratio ours / peer: "0.93x". */
export const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}x` : '-');

/** "71.2 ms (65.0-80.3)": median and interquartile range. */
export const msSpread = (spread: Spread): string =>
  `${num(spread.median, 1)} ms (${num(spread.p25, 1)}–${num(spread.p75, 1)})`;

export const percent = (value: number): string => `${num(value * 100, value < 0.1 ? 1 : 0)} %`;

export const table = (header: string[], rows: string[][]): string =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
