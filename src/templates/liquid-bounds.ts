import {
  type Context,
  type FilterImplOptions,
  ForTag,
  type Liquid,
  TablerowTag,
  type TagToken,
  type Template,
  Tokenizer,
  TokenKind,
  type TopLevelToken,
} from 'liquidjs';

import { formatCount, TEMPLATE_LIMITS, TemplateLimitExceeded } from './template-limits';

/** A range written with numbers, `(1..3000000)`; one with a variable end is left to the list and loop caps. */
const RANGE_LITERAL = /\(\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*\)/g;

export class RangeTooLargeError extends TemplateLimitExceeded {
  constructor(
    items: number,
    /** Where liquidjs's token for the tag or output holding it starts. */
    readonly position: { line: number; column: number },
  ) {
    super(
      'range-items',
      `a range of ${formatCount(items)} items is over the limit of ${formatCount(TEMPLATE_LIMITS.rangeItems)}`,
    );
  }
}

/** Tags and outputs (liquidjs's DelimitedToken, which it does not export) have `content`; HTML has none. */
const isDelimited = (token: TopLevelToken): token is TopLevelToken & { content: string } =>
  token.kind === TokenKind.Tag || token.kind === TokenKind.Output;

/**
 * Refuses a range written with numbers that has more items than TEMPLATE_LIMITS.rangeItems. liquidjs builds
 * the whole array before a filter or loop sees it, and a filter such as `where` then runs over it as one step.
 * Called after liquidjs parsed the source, so the tokens are known to be well formed.
 */
export const checkRangeLiterals = (engine: Liquid, source: string): void => {
  const tokens = new Tokenizer(source, engine.options.operators).readTopLevelTokens(engine.options);
  for (const token of tokens) {
    if (!isDelimited(token)) continue;
    for (const [, low = '0', high = '0'] of token.content.matchAll(RANGE_LITERAL)) {
      const items = Number(high) - Number(low) + 1;
      if (items > TEMPLATE_LIMITS.rangeItems) {
        const [line = 1, column = 1] = token.getPosition();
        throw new RangeTooLargeError(items, { line, column });
      }
    }
  }
};

const LOOP_REGISTER = 'issue-mailer:loop-iterations';

interface LoopCount {
  iterations: number;
}

/**
 * A node placed first in a loop's body: it runs once per iteration and counts every loop of the render
 * together, so nested loops cannot multiply past the cap. liquidjs reports its error at this node's token,
 * which is the loop tag's, so the admin sees the loop's line.
 */
const iterationCounter = (token: TagToken): Template => ({
  token,
  render: (ctx: Context): void => {
    const count = ctx.getRegister<LoopCount>(LOOP_REGISTER, { iterations: 0 });
    count.iterations += 1;
    if (count.iterations > TEMPLATE_LIMITS.loopIterations) {
      throw new TemplateLimitExceeded(
        'loop-iterations',
        `the loops run more than ${formatCount(TEMPLATE_LIMITS.loopIterations)} times in all`,
      );
    }
  },
});

export class CountedForTag extends ForTag {
  constructor(...args: ConstructorParameters<typeof ForTag>) {
    super(...args);
    this.templates.unshift(iterationCounter(args[0]));
  }
}

export class CountedTablerowTag extends TablerowTag {
  constructor(...args: ConstructorParameters<typeof TablerowTag>) {
    super(...args);
    this.templates.unshift(iterationCounter(args[0]));
  }
}

const listTooLarge = (value: unknown): boolean => Array.isArray(value) && value.length > TEMPLATE_LIMITS.listItems;

type FilterHandler = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Wraps every filter the engine has so that none is handed a list over TEMPLATE_LIMITS.listItems: a filter
 * runs as one uninterruptible step, and `where`, `sort` or `map` over millions of items takes seconds.
 */
export const boundFilters = (liquid: Liquid): void => {
  for (const [name, filter] of Object.entries(liquid.filters)) {
    const options: FilterImplOptions = filter;
    const handler = (typeof options === 'function' ? options : options.handler) as FilterHandler | undefined;
    if (handler === undefined) continue;
    const bounded: FilterHandler = function (this: unknown, ...args: unknown[]) {
      if (args.some(listTooLarge)) {
        throw new TemplateLimitExceeded(
          'list-items',
          `filter "${name}" was given a list of more than ${formatCount(TEMPLATE_LIMITS.listItems)} items`,
        );
      }
      return handler.apply(this, args);
    };
    liquid.registerFilter(name, typeof options === 'function' ? bounded : { ...options, handler: bounded });
  }
};
