/**
 * `npm run bench:readme` (and the end of `npm run bench`): rewrites the README's generated sections from the bench's
 * results file, between their markers. test/tooling/readme-figures.test.ts fails when the README differs from what
 * this renders, so the figures cannot be edited by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { type BenchResults, readResults } from '../results';
import { renderFigures } from './render-figures';
import { renderScale } from './render-scale';

export const README_FILE = path.join(__dirname, '..', '..', 'README.md');

const SECTIONS: Record<string, (results: BenchResults) => string> = {
  figures: renderFigures,
  scale: renderScale,
};

const NOTE = '<!-- Generated from bench/results/latest.json by `npm run bench:readme`; do not edit by hand. -->';

export const startMarker = (section: string): string => `<!-- bench:${section}:start -->`;
export const endMarker = (section: string): string => `<!-- bench:${section}:end -->`;

/** The text between a section's markers, markers excluded; throws when they are missing or out of order. */
export const sectionOf = (readme: string, section: string): string => {
  const start = readme.indexOf(startMarker(section));
  const end = readme.indexOf(endMarker(section));
  if (start < 0 || end < start) throw new Error(`README.md has no ${startMarker(section)} ... ${endMarker(section)}`);
  return readme.slice(start + startMarker(section).length, end);
};

/** What a section holds between its markers when it matches the results. */
export const renderSection = (section: string, results: BenchResults): string => {
  const render = SECTIONS[section];
  if (!render) throw new Error(`no README section ${section}`);
  return `\n${NOTE}\n\n${render(results)}\n\n`;
};

export const SECTION_NAMES = Object.keys(SECTIONS);

/** The README with every generated section rendered from `results`. */
export const renderReadme = (readme: string, results: BenchResults): string =>
  SECTION_NAMES.reduce((text, section) => {
    const current = sectionOf(text, section);
    const at = text.indexOf(startMarker(section)) + startMarker(section).length;
    return text.slice(0, at) + renderSection(section, results) + text.slice(at + current.length);
  }, readme);

/** Writes README.md when it differs; true when it did. */
export const updateReadme = (readmeFile = README_FILE, results: BenchResults = readResults()): boolean => {
  const readme = readFileSync(readmeFile, 'utf8');
  const updated = renderReadme(readme, results);
  if (updated === readme) return false;
  writeFileSync(readmeFile, updated);
  return true;
};

if (require.main === module) {
  console.log(updateReadme() ? 'README.md rewritten from bench/results/latest.json.' : 'README.md is up to date.');
}
