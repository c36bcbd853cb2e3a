import { readFileSync } from 'node:fs';

import {
  README_FILE,
  renderReadme,
  renderSection,
  SECTION_NAMES,
  sectionOf,
  startMarker,
} from '../../bench/readme/update-readme';
import { readResults } from '../../bench/results';

/**
 * The README's benchmark figures and Scale section are rendered from bench/results/latest.json (`npm run bench`
 * writes both; `npm run bench:readme` renders again): a hand edit, or a results file without its README, fails here.
 */
describe("the README's figures come from the bench's results file", () => {
  const readme = readFileSync(README_FILE, 'utf8');
  const results = readResults();

  it.each(SECTION_NAMES)('the %s section is what the results file renders (npm run bench:readme)', (section) => {
    expect(sectionOf(readme, section)).toBe(renderSection(section, results));
  });

  it('rendering again changes nothing else in the README', () => {
    expect(renderReadme(readme, results)).toBe(readme);
  });

  it('a figure edited by hand is told apart', () => {
    const at = readme.indexOf(startMarker('figures'));
    const edited = `${readme.slice(0, at)}${readme.slice(at).replace(/\d/, (digit) => String((Number(digit) + 1) % 10))}`;
    expect(renderReadme(edited, results)).toBe(readme);
    expect(sectionOf(edited, 'figures')).not.toBe(renderSection('figures', results));
  });
});
