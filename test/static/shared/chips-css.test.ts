import { readFileSync } from 'node:fs';
import path from 'node:path';

const css = readFileSync(path.join(__dirname, '../../../static/shared/chips.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** Every selector of every rule, one string each. */
const selectors = Array.from(css.matchAll(/([^{}]+)\{[^}]*\}/g)).flatMap((match) =>
  (match[1] ?? '').split(',').map((selector) => selector.trim()),
);

describe('shared/chips.css: the suggestion list', () => {
  it('paints an option as highlighted only when it is the highlighted one (aria-selected), never for :hover alone', () => {
    const optionLooks = selectors.filter(
      (selector) => selector.includes('.im-listbox__option') && selector !== '.im-listbox__option',
    );
    expect(optionLooks).toEqual([".im-listbox__option[aria-selected='true']"]);
  });
});
