import {
  CaptureTag,
  Context,
  Drop,
  type Emitter,
  Liquid,
  type LiquidOptions,
  Tag,
  type TagToken,
  type Template,
  type TopLevelToken,
  toPromise,
  toValue,
} from 'liquidjs';

import { boundFilters, checkRangeLiterals, CountedForTag, CountedTablerowTag } from './liquid-bounds';
import { formatCount, TEMPLATE_LIMITS, TemplateLimitExceeded } from './template-limits';

export { TEMPLATE_LIMITS } from './template-limits';

/**
 * Sanitized HTML in the template context: output as is, where any other value is escaped. Filters and
 * comparisons see its text (valueOf); what a filter makes of it is plain text again, escaped on output.
 */
export class SafeHtml extends Drop {
  constructor(readonly html: string) {
    super();
  }
  override valueOf(): string {
    return this.html;
  }
  /** For the `size` filter, which reads `.length`. */
  get length(): number {
    return this.html.length;
  }
  /** For `{{ value.size }}`, which a Drop answers here. */
  override liquidMethodMissing(key: string): unknown {
    return key === 'size' ? this.html.length : undefined;
  }
}

export const safeHtml = (html: string): SafeHtml => new SafeHtml(html);

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};

/** What liquidjs writes for a value: Drops by their value, nil as nothing, arrays joined. */
const toText = (value: unknown): string => {
  const plain: unknown = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) {
    // A range with a variable end reaches output without any filter: joined whole, it would be one huge string.
    if (plain.length > TEMPLATE_LIMITS.listItems) {
      throw new TemplateLimitExceeded(
        'list-items',
        `an output was given a list of more than ${formatCount(TEMPLATE_LIMITS.listItems)} items`,
      );
    }
    return plain.map(toText).join('');
  }
  // Anything else as liquidjs writes it: String(), an object without a toString of its own as [object Object].
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the same output as liquidjs is the point
  return String(plain);
};

interface FilterThis {
  context: Context;
}

/** liquidjs's `escape` filter (same entities, same memory charge), except that SafeHtml passes as it is. */
function escapeUnlessSafe(this: FilterThis, value: unknown): string {
  if (value instanceof SafeHtml) return value.html;
  const text = toText(value);
  this.context.memoryLimit.use(text.length);
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** include, render and layout read other templates; a template here is one self-contained text. */
const refusedTag = (name: string) =>
  class RefusedTag extends Tag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      throw new Error(`tag "${name}" is not available: a template cannot use other templates`);
    }
    render(): void {
      // Never reached: the constructor refuses the tag while parsing.
    }
  };

export class OutputTooLargeError extends TemplateLimitExceeded {
  constructor(limit: number) {
    super('output', `output limit exceeded (${formatCount(limit)} characters)`);
    this.name = 'OutputTooLargeError';
  }
}

/** liquidjs's SimpleEmitter with a ceiling: a loop that writes forever stops here, not at the heap's end. */
class BoundedEmitter implements Emitter {
  buffer = '';
  constructor(private readonly limit: number) {}
  write(html: unknown): void {
    const text = toText(html);
    if (this.buffer.length + text.length > this.limit) throw new OutputTooLargeError(this.limit);
    this.buffer += text;
  }
}

/**
 * liquidjs's capture writes to an emitter of its own, outside every limit: a capture that doubles itself in a
 * loop would grow past the heap within milliseconds. This one writes to a bounded emitter and charges what it
 * keeps to the memory limit, as append does. In an HTML body the captured text is HTML already (its outputs
 * were escaped), so it is kept as SafeHtml rather than escaped a second time.
 */
const boundedCapture = (keep: (text: string) => unknown) =>
  class BoundedCaptureTag extends CaptureTag {
    override *render(ctx: Context): Generator<unknown, void, string> {
      const emitter = new BoundedEmitter(TEMPLATE_LIMITS.outputChars);
      yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
      ctx.memoryLimit.use(emitter.buffer.length);
      (ctx.bottom() as Record<string, unknown>)[this.variable] = keep(emitter.buffer);
    }
  };

const SHARED_OPTIONS: LiquidOptions = {
  strictFilters: true,
  strictVariables: false,
  jsTruthy: false,
  ownPropertyOnly: true,
  relativeReference: false,
  // An empty in-memory file map: even a tag that slipped past the refusal finds no file, never the disk.
  templates: {},
  cache: false,
  timezoneOffset: 0,
  parseLimit: TEMPLATE_LIMITS.parseChars,
  renderLimit: TEMPLATE_LIMITS.renderMs,
  memoryLimit: TEMPLATE_LIMITS.memory,
};

const createEngine = (options: LiquidOptions, keepCapture: (text: string) => unknown): Liquid => {
  const liquid = new Liquid({ ...SHARED_OPTIONS, ...options });
  for (const name of ['include', 'render', 'layout']) liquid.registerTag(name, refusedTag(name));
  liquid.registerTag('capture', boundedCapture(keepCapture));
  liquid.registerTag('for', CountedForTag);
  liquid.registerTag('tablerow', CountedTablerowTag);
  boundFilters(liquid);
  return liquid;
};

/** For HTML bodies: every `{{ }}` is escaped unless it holds SafeHtml or ends in `| raw`. */
export const htmlEngine = createEngine({ outputEscape: escapeUnlessSafe }, safeHtml);

/** For subjects and other plain text: nothing is escaped. */
export const textEngine = createEngine({}, (text) => text);

/**
 * Parses a template; throws liquidjs's errors (ParseError, TokenizationError) as they are, and
 * RangeTooLargeError for a range written with numbers over TEMPLATE_LIMITS.rangeItems.
 */
export const parseTemplate = (engine: Liquid, source: string): Template[] => {
  const templates = engine.parse(source);
  checkRangeLiterals(engine, source);
  return templates;
};

/**
 * Renders parsed templates within TEMPLATE_LIMITS; throws liquidjs's RenderError as it is. `renderMs` is liquidjs's
 * time limit for this render (TEMPLATE_LIMITS.renderMs unless given).
 */
export const renderTemplate = async (
  engine: Liquid,
  templates: Template[],
  scope: object,
  outputLimit: number = TEMPLATE_LIMITS.outputChars,
  renderMs: number = TEMPLATE_LIMITS.renderMs,
): Promise<string> => {
  const context = new Context(scope, engine.options, { sync: false, renderLimit: renderMs }, { liquid: engine });
  const emitter = new BoundedEmitter(outputLimit);
  await toPromise(engine.renderer.renderTemplates(templates, context, emitter));
  return emitter.buffer;
};
