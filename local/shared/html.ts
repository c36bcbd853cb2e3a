/** Markup that is already safe to put in a page: built by an `html` tag, or deliberately trusted. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: escaped unless SafeHtml, arrays joined, null/undefined/booleans dropped. */
export type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

export type HtmlTag = (strings: TemplateStringsArray, ...values: Interpolation[]) => SafeHtml;

/** An `html` template tag that escapes every interpolation with `escape`, unless it is SafeHtml. */
export const htmlTag = (escape: (text: string) => string): HtmlTag => {
  const render = (value: Interpolation): string => {
    if (value === null || value === undefined || value === false || value === true) return '';
    if (value instanceof SafeHtml) return value.value;
    if (Array.isArray(value)) return value.map(render).join('');
    return escape(String(value));
  };
  return (strings, ...values) => {
    let out = strings[0] ?? '';
    values.forEach((value, index) => {
      out += render(value) + (strings[index + 1] ?? '');
    });
    return new SafeHtml(out);
  };
};

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Template tag that escapes every interpolated value unless it is SafeHtml (or an array of it). */
export const html = htmlTag(escapeHtml);

/** The emulators' pages carry no script; styles are inline; only same-origin frames (a sandboxed mail body). */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `3.4 MB`: decimal units, as mail clients show attachment sizes; under 1 KB in bytes. */
export const shortSize = (bytes: number): string => {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  // 999,960 bytes would round to "1000.0 KB": move up a unit before it does.
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
};

/** `3.4 MB (3,401,005 bytes)`: the short size with the exact count. */
export const formatBytes = (bytes: number): string =>
  bytes < 1000 ? shortSize(bytes) : `${shortSize(bytes)} (${bytes.toLocaleString('en-US')} bytes)`;
