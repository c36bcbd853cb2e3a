import type { CheerioAPI } from './cheerio-slim.cjs';
import { formatCount, TEMPLATE_LIMITS, TemplateLimitExceeded } from './template-limits';

/*
 * juice has no limits of its own: it resolves every var() by replacing text in place and rescanning it, so a
 * chain of custom properties that each use the previous one twice doubles the text per level (475 bytes of CSS
 * ran for 22 s), one that uses itself never ends, and the HTML parser's serialiser recurses per nesting level.
 * These checks run on the parsed document before juice sees it.
 */

/** domhandler's AnyNode, reached through cheerio's types: domhandler is cheerio's dependency, not the app's. */
type AnyNode = ReturnType<ReturnType<CheerioAPI['root']>['contents']>[number];

const DECLARATION = /(--[\w-]+)\s*:\s*([^;{}]*)/g;
const VAR_REFERENCE = /var\(\s*(--[\w-]+)/g;
/** domhandler's element types (its ElementType enum's values): what counts as an HTML element. */
const ELEMENT_TYPES: ReadonlySet<string> = new Set(['tag', 'script', 'style']);
/** A property name comes from the template; a long one is cut so the message stays a message. */
const nameOf = (name: string): string => (name.length <= 40 ? name : `${name.slice(0, 39)}…`);

const checkDocumentShape = ($: CheerioAPI): void => {
  let elements = 0;
  const stack: Array<[AnyNode, number]> = $.root()
    .contents()
    .toArray()
    .map((node) => [node, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [AnyNode, number];
    if (!('children' in node)) continue;
    if (ELEMENT_TYPES.has(node.type)) {
      elements += 1;
      if (elements > TEMPLATE_LIMITS.htmlElements) {
        throw new TemplateLimitExceeded(
          'html-elements',
          `the email has more than ${formatCount(TEMPLATE_LIMITS.htmlElements)} HTML elements`,
        );
      }
      if (depth > TEMPLATE_LIMITS.htmlDepth) {
        throw new TemplateLimitExceeded(
          'html-depth',
          `HTML elements are nested more than ${formatCount(TEMPLATE_LIMITS.htmlDepth)} levels deep`,
        );
      }
    }
    for (const child of node.children) stack.push([child, depth + 1]);
  }
};

interface Resolved {
  depth: number;
  chars: number;
}

/**
 * How deep each custom property's var() chain goes and how long it is once resolved. Declarations from the
 * stylesheet and from style attributes are taken together by name, the longest value counting: juice picks
 * one per element from its ancestors, and this bounds every choice it can make.
 */
const checkCustomProperties = (declarations: ReadonlyArray<[string, string]>): void => {
  const values = new Map<string, string[]>();
  for (const [name, value] of declarations) values.set(name, [...(values.get(name) ?? []), value]);
  const resolved = new Map<string, Resolved>();
  const resolving = new Set<string>();
  const over = TEMPLATE_LIMITS.cssVariableChars + 1;

  const resolveValue = (value: string): Resolved => {
    let depth = 0;
    let chars = value.length;
    for (const [, name = ''] of value.matchAll(VAR_REFERENCE)) {
      const inner = resolveName(name);
      depth = Math.max(depth, inner.depth + 1);
      chars = Math.min(over, chars + inner.chars);
    }
    return { depth, chars };
  };

  const resolveName = (name: string): Resolved => {
    const known = resolved.get(name);
    if (known !== undefined) return known;
    if (resolving.has(name)) {
      throw new TemplateLimitExceeded(
        'css-variable-depth',
        `CSS variable ${nameOf(name)} refers to itself through var()`,
      );
    }
    resolving.add(name);
    const result = (values.get(name) ?? [])
      .map(resolveValue)
      .reduce<Resolved>(
        (most, next) => ({ depth: Math.max(most.depth, next.depth), chars: Math.max(most.chars, next.chars) }),
        { depth: 0, chars: 0 },
      );
    resolving.delete(name);
    if (result.depth > TEMPLATE_LIMITS.cssVariableDepth) {
      throw new TemplateLimitExceeded(
        'css-variable-depth',
        `CSS variable ${nameOf(name)} goes through more than ${formatCount(TEMPLATE_LIMITS.cssVariableDepth)} levels of var()`,
      );
    }
    if (result.chars > TEMPLATE_LIMITS.cssVariableChars) {
      throw new TemplateLimitExceeded(
        'css-variable-size',
        `CSS variable ${nameOf(name)} stands for more than ${formatCount(TEMPLATE_LIMITS.cssVariableChars)} characters once its var() are resolved`,
      );
    }
    resolved.set(name, result);
    return result;
  };

  for (const name of values.keys()) resolveName(name);
};

/** Throws TemplateLimitExceeded when inlining `$` could run long: too many or too deep elements, too much CSS. */
export const checkInlineBounds = ($: CheerioAPI): void => {
  checkDocumentShape($);
  const stylesheets = $('style')
    .toArray()
    .map((element) => $(element).text());
  const cssChars = stylesheets.reduce((sum, css) => sum + css.length, 0);
  if (cssChars > TEMPLATE_LIMITS.cssChars) {
    throw new TemplateLimitExceeded(
      'css-size',
      `the <style> rules have more than ${formatCount(TEMPLATE_LIMITS.cssChars)} characters`,
    );
  }
  const styleAttributes = $('[style]')
    .toArray()
    .map((element) => $(element).attr('style') ?? '');
  const declarations = [...stylesheets, ...styleAttributes].flatMap((css) =>
    [...css.matchAll(DECLARATION)].map(([, name = '', value = '']): [string, string] => [name, value]),
  );
  checkCustomProperties(declarations);
};
