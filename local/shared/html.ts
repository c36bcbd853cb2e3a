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
