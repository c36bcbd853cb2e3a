/** What people type between addresses. Line breaks and tabs come from lists pasted out of mail clients and sheets. */
const LIST_SEPARATORS = new Set([',', ';']);
const LINE_SEPARATORS = new Set(['\n', '\r', '\t']);

export interface SplitText {
  /** Tokens a separator has closed, trimmed, empty ones dropped. */
  complete: string[];
  /** What follows the last separator: the address still being typed (leading spaces dropped). */
  rest: string;
}

/**
 * Splits typed or pasted text into recipients at commas, semicolons, line breaks and tabs. A comma inside a quoted
 * name (`"Doe, Jane" <jane@example.com>`) or inside `<…>` does not split; a line break always does, so one
 * unbalanced quote cannot swallow a whole pasted list.
 */
export const splitRecipientText = (text: string): SplitText => {
  const complete: string[] = [];
  let start = 0;
  let quoted = false;
  let escaped = false;
  let angle = false;
  const close = (end: number) => {
    const token = text.slice(start, end).trim();
    if (token !== '') complete.push(token);
    start = end + 1;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (LINE_SEPARATORS.has(char)) {
      close(index);
      quoted = false;
      escaped = false;
      angle = false;
    } else if (quoted) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === '<') {
      angle = true;
    } else if (char === '>') {
      angle = false;
    } else if (!angle && LIST_SEPARATORS.has(char)) {
      close(index);
    }
  }
  return { complete, rest: text.slice(start).trimStart() };
};

/** Every recipient in the text, the unfinished last one included (leaving a field or pasting a list). */
export const splitAllRecipients = (text: string): string[] => {
  const { complete, rest } = splitRecipientText(text);
  const last = rest.trim();
  return last === '' ? complete : [...complete, last];
};
