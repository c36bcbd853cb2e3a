import { MAX_TEMPLATE_BYTES } from '../contract/templates';

/**
 * Templates are written by Jira admins in a browser and run in the app's function: treated as untrusted code.
 * Each limit below stops one way a template could hang the function or exhaust its memory. liquidjs checks its
 * own render limit only between template nodes, so one filter over a huge list, or juice resolving CSS
 * variables, would run unchecked: the counts here stop those before they start.
 */
export const TEMPLATE_LIMITS = {
  /** Characters one parse may read: the largest body the contract accepts. */
  parseChars: MAX_TEMPLATE_BYTES,
  /** Milliseconds one render may take; a Forge invocation has 25 s for everything. */
  renderMs: 1000,
  /** liquidjs's allocation units (strings built by filters, ranges, arrays) per render. */
  memory: 20_000_000,
  /** Characters one render may output; liquidjs's memory limit does not count output. */
  outputChars: 5_000_000,
  /** Items of a range such as (1..100); the issue has at most a few hundred comments or attachments. */
  rangeItems: 10_000,
  /** Items of any list a filter is given (where, sort, map, join ...): each such filter runs as one step. */
  listItems: 10_000,
  /** Loop body runs (for and tablerow, nested loops counted together) in one render. */
  loopIterations: 20_000,
  /** Characters of all `<style>` elements of the rendered body together. */
  cssChars: 100_000,
  /** How deep `var(--a)` may refer to a property that refers to another one. */
  cssVariableDepth: 10,
  /** Characters a custom property may stand for once every var() inside it is resolved. */
  cssVariableChars: 10_000,
  /** Elements of the rendered body that juice inlines styles into. */
  htmlElements: 20_000,
  /** Nesting of elements in the rendered body; HTML parsers and serialisers recurse per level. */
  htmlDepth: 200,
  /**
   * Milliseconds the whole render and inlining of one email may take before its thread is stopped
   * (render-thread-runner.ts): the bound for what the counts above did not foresee. A resolver has 25 s.
   */
  renderDeadlineMs: 5000,
  /** Megabytes of heap the render thread may use; it shares the invocation's memory (512 MB by default). */
  renderThreadHeapMb: 128,
} as const;

/** Which limit a template went over: a stable name for logs and tests; the message says it in words. */
export type TemplateLimit =
  | 'render-time'
  | 'memory'
  | 'output'
  | 'template-length'
  | 'range-items'
  | 'list-items'
  | 'loop-iterations'
  | 'css-size'
  | 'css-variable-depth'
  | 'css-variable-size'
  | 'html-elements'
  | 'html-depth'
  | 'render-deadline'
  | 'render-memory';

/**
 * Thrown by the app's own checks while parsing, rendering or inlining; toTemplateError turns it into the
 * TemplateError an admin sees. The message is composed here from numbers, never from template text.
 */
export class TemplateLimitExceeded extends Error {
  constructor(
    readonly limit: TemplateLimit,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateLimitExceeded';
  }
}

export const formatCount = (count: number): string => count.toLocaleString('en-US');
