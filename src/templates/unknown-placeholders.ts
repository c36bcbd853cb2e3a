import {
  analyzeSync,
  ForTag,
  type Liquid,
  TablerowTag,
  type Template,
  toValueSync,
  TypeGuards,
  Variable,
} from 'liquidjs';

import type { UnknownPlaceholder } from '../contract/templates';
import { htmlEngine, textEngine } from './liquid-engine';
import { PLACEHOLDER_LOOPS, PLACEHOLDERS } from './placeholders';
import type { EmailTemplateSource } from './render-email';
import type { TemplateField } from './template-errors';

/*
 * liquidjs renders a variable nobody provides as nothing (strictVariables is off so that an unassigned field is
 * nil, as `{% if issue.assignee %}` needs). Its static analysis names every variable a template reads from outside
 * (`globals`: loop variables, assign and capture excluded); each is checked here against the placeholders the
 * admin page documents, so the reference and this check cannot disagree.
 */

type Shape = { kind: 'value' } | { kind: 'record'; fields: Map<string, Shape> } | { kind: 'list'; item: Shape };

const VALUE: Shape = { kind: 'value' };
const record = (): Shape & { kind: 'record' } => ({ kind: 'record', fields: new Map() });

/** The context's shape from PLACEHOLDERS: `comment.author` is a field of each item of `comments`. */
const buildShape = (): Shape & { kind: 'record' } => {
  const root = record();
  const loopItems = new Map<string, Shape & { kind: 'record' }>();
  for (const [variable, list] of Object.entries(PLACEHOLDER_LOOPS)) {
    const item = record();
    loopItems.set(variable, item);
    root.fields.set(list, { kind: 'list', item });
  }
  for (const { name } of PLACEHOLDERS) {
    const [head = '', ...rest] = name.split('.');
    const loopItem = loopItems.get(head);
    const path = loopItem === undefined ? [head, ...rest] : rest;
    let node: Shape = loopItem ?? root;
    for (const [index, segment] of path.entries()) {
      // `comments.size` documents Liquid's own size of a list the loops above already made.
      if (node.kind !== 'record') break;
      const leaf: Shape = segment.endsWith('_list') ? { kind: 'list', item: VALUE } : VALUE;
      const child: Shape = node.fields.get(segment) ?? (index === path.length - 1 ? leaf : record());
      node.fields.set(segment, child);
      node = child;
    }
  }
  return root;
};

const CONTEXT_SHAPE = buildShape();

/**
 * The index of the first segment `shape` has no value for; undefined when every segment has one, or when a
 * segment is itself a variable (`issue[name]`), which only rendering can tell.
 */
const unknownSegment = (shape: Shape, segments: readonly (string | number | Variable)[]): number | undefined => {
  let node = shape;
  for (const [index, segment] of segments.entries()) {
    if (segment instanceof Variable) {
      if (node.kind !== 'list') return undefined;
      node = node.item;
      continue;
    }
    // liquidjs answers `size` for any value: a list's length, a text's length, an object's key count.
    if (segment === 'size') {
      node = VALUE;
      continue;
    }
    if (node.kind === 'record') {
      const child = typeof segment === 'string' ? node.fields.get(segment) : undefined;
      if (child === undefined) return index;
      node = child;
    } else if (node.kind === 'list' && (typeof segment === 'number' || segment === 'first' || segment === 'last')) {
      node = node.item;
    } else {
      return index;
    }
  }
  return undefined;
};

const childrenOf = (template: Template): Template[] =>
  template.children === undefined ? [] : toValueSync(template.children(false, true));

/** The shape of one item of a loop's list, when the list is a plain placeholder (`comments`, not `comments | sort`). */
const loopItemShape = (loop: ForTag | TablerowTag): Shape | undefined => {
  if (!TypeGuards.isPropertyAccessToken(loop.collection)) return undefined;
  const collection = loop.collection;
  // liquidjs's own reading of the collection's path, through a template that only has it as an argument.
  const probe: Template = { token: loop.token, render: () => undefined, arguments: () => [collection] };
  const [variable] = Object.values(analyzeSync([probe]).variables).flat();
  if (variable === undefined || unknownSegment(CONTEXT_SHAPE, variable.segments) !== undefined) return undefined;
  let node: Shape = CONTEXT_SHAPE;
  for (const segment of variable.segments) {
    if (segment instanceof Variable) return undefined;
    if (node.kind === 'record') node = node.fields.get(String(segment)) ?? VALUE;
    else if (node.kind === 'list') node = node.item;
  }
  return node.kind === 'list' ? node.item : undefined;
};

interface Found {
  variable: Variable;
  shape: Shape;
  /** Only variables rooted here are checked (a loop's variable), or all when undefined. */
  root?: string;
}

/** Every variable read from outside, with the shape it is read from: the context, or a loop's item. */
function* readVariables(templates: Template[]): Generator<Found> {
  for (const variables of Object.values(analyzeSync(templates, { partials: false }).globals)) {
    for (const variable of variables) yield { variable, shape: CONTEXT_SHAPE };
  }
  yield* loopVariables(templates);
}

/** Inside `{% for comment in comments %}`, `comment.x` is checked against a comment's fields. */
function* loopVariables(templates: Template[]): Generator<Found> {
  for (const template of templates) {
    if (template instanceof ForTag || template instanceof TablerowTag) {
      const item = loopItemShape(template);
      if (item !== undefined) {
        // Analysed alone, the body reads its loop variable from outside, so it is among the globals again.
        for (const variables of Object.values(analyzeSync(template.templates, { partials: false }).globals)) {
          for (const variable of variables) {
            if (variable.segments[0] === template.variable) yield { variable, shape: item, root: template.variable };
          }
        }
      }
    }
    yield* loopVariables(childrenOf(template));
  }
}

const isUnknown = ({ variable, shape, root }: Found): boolean =>
  root === undefined
    ? unknownSegment(shape, variable.segments) !== undefined
    : unknownSegment(shape, variable.segments.slice(1)) !== undefined;

const ENGINES: Readonly<Record<TemplateField, Liquid>> = { subject: textEngine, body: htmlEngine };

/** A field's unknown placeholders, each once, at its first use. Throws liquidjs's parse errors as they are. */
const unknownIn = (field: TemplateField, source: string): UnknownPlaceholder[] => {
  const byName = new Map<string, UnknownPlaceholder>();
  for (const found of readVariables(ENGINES[field].parse(source))) {
    if (!isUnknown(found)) continue;
    const name = found.variable.toString();
    const { row: line, col: column } = found.variable.location;
    const known = byName.get(name);
    if (known === undefined || line < known.line || (line === known.line && column < known.column)) {
      byName.set(name, { name, field, line, column });
    }
  }
  return [...byName.values()].sort((a, b) => a.line - b.line || a.column - b.column);
};

/**
 * The placeholders a template names that no email provides: they would render as nothing. Subject first, then
 * body, each in the order they appear. Call it on a template that parses (renderEmail has checked it).
 */
export const findUnknownPlaceholders = (template: EmailTemplateSource): UnknownPlaceholder[] => [
  ...unknownIn('subject', template.subject),
  ...unknownIn('body', template.body),
];
