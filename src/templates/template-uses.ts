import type { Liquid } from 'liquidjs';

import type { TemplateUses } from '../contract/issue-email';
import { htmlEngine, parseTemplate, textEngine } from './liquid-engine';

export type { TemplateUses } from '../contract/issue-email';

/** A variable's path as liquidjs's analysis gives it; a nested array is a segment computed at render time. */
type SegmentArray = ReturnType<Liquid['globalVariableSegmentsSync']>[number];

/** What a template that cannot be analysed is taken to use: everything, so no choice is ever hidden wrongly. */
const ALL: TemplateUses = { fields: true, description: true, comments: true };

/**
 * Per sender's choice, the context variables (template-data.ts) through which it reaches a template: a path
 * that starts with one of these, or stops short of it (`{{ issue }}`, `{% assign i = issue %}`), makes the
 * choice matter. "Fields" reaches only `include.fields`: the fields themselves are always in the context.
 */
const REACHED_THROUGH: Readonly<Record<keyof TemplateUses, readonly (readonly string[])[]>> = {
  fields: [['include', 'fields']],
  description: [
    ['issue', 'description_html'],
    ['include', 'description'],
  ],
  comments: [['comments'], ['include', 'comments'], ['include', 'latest_comments']],
};

/**
 * Whether `path` may read `target`: it follows it as far as both go, and a segment computed at render time
 * (`issue[name]`, a nested array in liquidjs's analysis) may be any property.
 */
const mayRead = (path: SegmentArray, target: readonly string[]): boolean =>
  target.every((segment, index) => {
    if (index >= path.length) return true;
    const part = path[index];
    return typeof part !== 'string' || part === segment;
  });

const globalPaths = (engine: Liquid, source: string): SegmentArray[] =>
  engine.globalVariableSegmentsSync(parseTemplate(engine, source), { partials: false });

/**
 * Which of the dialog's content choices the template's subject and body look at, from liquidjs's static analysis
 * of the variables they read from the context (locals from assign, capture and loops follow their source). A
 * template that does not parse is taken to use everything. include, render and layout are refused at parse time
 * (liquid-engine.ts), so no other file can hide a use.
 */
export const analyseTemplateUses = (template: { subject: string; body: string }): TemplateUses => {
  let paths: SegmentArray[];
  try {
    paths = [...globalPaths(textEngine, template.subject), ...globalPaths(htmlEngine, template.body)];
  } catch {
    return ALL;
  }
  const uses = (choice: keyof TemplateUses): boolean =>
    REACHED_THROUGH[choice].some((target) => paths.some((path) => mayRead(path, target)));
  return { fields: uses('fields'), description: uses('description'), comments: uses('comments') };
};
