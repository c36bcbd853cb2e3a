import { restErrors } from '../errors';

export type JqlToken =
  | { type: 'word'; text: string; position: number }
  | { type: 'string'; text: string; position: number }
  | { type: 'operator'; text: string; position: number }
  | { type: 'punct'; text: '(' | ')' | ','; position: number }
  | { type: 'end'; text: 'EOF'; position: number };

/** Jira's wording for a JQL error; `position` is zero-based, Jira counts characters from 1. */
export const jqlError = (detail: string, position: number) =>
  restErrors.invalidJql([`Error in the JQL Query: ${detail} (line 1, character ${position + 1})`]);

const OPERATORS = ['!=', '!~', '>=', '<=', '=', '~', '>', '<'];

export const tokenize = (jql: string): JqlToken[] => {
  const tokens: JqlToken[] = [];
  let i = 0;
  while (i < jql.length) {
    const char = jql[i] as string;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: 'punct', text: char, position: i });
      i += 1;
      continue;
    }
    const operator = OPERATORS.find((candidate) => jql.startsWith(candidate, i));
    if (operator) {
      tokens.push({ type: 'operator', text: operator, position: i });
      i += operator.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const start = i;
      let text = '';
      i += 1;
      while (i < jql.length && jql[i] !== char) {
        if (jql[i] === '\\' && i + 1 < jql.length) i += 1;
        text += jql[i];
        i += 1;
      }
      if (i >= jql.length) throw jqlError(`The quoted string '${text}' has not been completed.`, start);
      i += 1;
      tokens.push({ type: 'string', text, position: start });
      continue;
    }
    const start = i;
    while (i < jql.length && !/[\s(),=!~<>"']/.test(jql[i] as string)) i += 1;
    if (i === start) throw jqlError(`The character '${char}' is a reserved JQL character.`, start);
    tokens.push({ type: 'word', text: jql.slice(start, i), position: start });
  }
  tokens.push({ type: 'end', text: 'EOF', position: jql.length });
  return tokens;
};
