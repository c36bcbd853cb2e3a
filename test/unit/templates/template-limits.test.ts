import { inlineCss } from '../../../src/templates/inline-css';
import { renderEmail, validateTemplate } from '../../../src/templates/render-email';
import { TemplateError } from '../../../src/templates/template-errors';
import { TemplateLimitExceeded } from '../../../src/templates/template-limits';
import { issueData, rejection, thrown } from './template-fixtures';

/*
 * The hostile templates of issue 12 (item 3). Before these limits each ran for seconds to minutes inside one
 * uninterruptible step; the assertions are on the refusal and the limit it names, never on a time.
 */
/**
 * liquidjs's time limit lifted (RenderEmailOptions): these tests assert which counted limit stops each template, and
 * a busy machine must not reach the wall-time backstop first (CI once stopped the nested loops at 'render-time').
 */
const COUNTS_ONLY = { renderMs: 600_000 };
const render = (body: string) => renderEmail({ subject: '{{ issue.key }}', body }, issueData(), COUNTS_ONLY);

/** A chain of custom properties each using the previous one twice: 16 levels are 514 bytes of CSS. */
const doublingVariables = (levels: number): string => {
  let css = ':root { --v0: x;';
  for (let level = 1; level <= levels; level += 1) css += ` --v${level}: var(--v${level - 1}) var(--v${level - 1});`;
  return `${css} } p { color: var(--v${levels}); }`;
};

const page = (style: string, body = '<p>x</p>') =>
  `<!DOCTYPE html>\n<html><head><style>${style}</style></head><body>${body}</body></html>`;

describe('Liquid limits', () => {
  it('refuses a range written with millions of items while parsing, naming its line', () => {
    const error = thrown(() =>
      validateTemplate({ subject: 'x', body: '<p>\n{% assign big = (1..3000000) | where: "a", 1 %}{{ big | size }}' }),
    );
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
      limit: 'range-items',
      field: 'body',
      line: 2,
      message: 'Line 2, column 1: a range of 3,000,000 items is over the limit of 10,000.',
    });
  });

  it('refuses the same range in the subject and in an output', () => {
    expect(thrown(() => validateTemplate({ subject: '{{ (1..3000000) | join }}', body: '' }))).toMatchObject({
      field: 'subject',
      limit: 'range-items',
    });
  });

  it('accepts a range within the limit', async () => {
    expect((await render('{{ (1..10000) | where: "a", 1 | size }}')).html).toBe('0');
  });

  it('stops a filter handed a huge range whose end is a variable', async () => {
    const error = await rejection(
      render('{% assign n = 3000000 %}{% assign big = (1..n) | where: "a", 1 %}{{ big | size }}'),
    );
    expect(error).toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
      limit: 'list-items',
      message: 'Line 1, column 25: filter "where" was given a list of more than 10,000 items.',
    });
  });

  it('stops an output of a huge range whose end is a variable', async () => {
    expect(await rejection(render('{% assign n = 3000000 %}{{ (1..n) }}'))).toMatchObject({ limit: 'list-items' });
  });

  it('counts nested loops together', async () => {
    const error = await rejection(render('{% for i in (1..1000) %}\n{% for j in (1..1000) %}{% endfor %}{% endfor %}'));
    expect(error).toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
      limit: 'loop-iterations',
      message: 'Line 2, column 1: the loops run more than 20,000 times in all.',
    });
  });

  it('counts tablerow loops too', async () => {
    expect(
      await rejection(render('{% tablerow i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endtablerow %}')),
    ).toMatchObject({
      limit: 'loop-iterations',
    });
  });

  it('leaves loops within the limit as liquidjs renders them', async () => {
    expect(
      (
        await render(
          '{% for i in (1..3) %}{{ forloop.index }}{% else %}none{% endfor %}|{% for i in empty %}x{% else %}none{% endfor %}',
        )
      ).html,
    ).toBe('123|none');
  });
});

describe('inlining limits', () => {
  it('refuses chained CSS variables that double at each level (22 s of juice before)', () => {
    const error = thrown(() => inlineCss(page(doublingVariables(16))));
    expect(error).toBeInstanceOf(TemplateLimitExceeded);
    expect(error).toMatchObject({ limit: 'css-variable-size' });
  });

  it('says so for the template, as the body', async () => {
    const error = await rejection(render(page(doublingVariables(16))));
    expect(error).toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
      field: 'body',
      limit: 'css-variable-size',
      message: 'CSS variable --v9 stands for more than 10,000 characters once its var() are resolved.',
    });
  });

  it('refuses a CSS variable that refers to itself, which juice would resolve forever', () => {
    expect(
      thrown(() => inlineCss(page(':root { --a: var(--b); --b: var(--a); } p { color: var(--a); }'))),
    ).toMatchObject({
      limit: 'css-variable-depth',
      message: 'CSS variable --a refers to itself through var()',
    });
  });

  it('refuses a long var() chain, also through style attributes', () => {
    const chain = Array.from({ length: 12 }, (_, level) => `--c${level + 1}: var(--c${level})`).join('; ');
    expect(
      thrown(() => inlineCss(page('p { color: var(--c12); }', `<p style="--c0: red; ${chain}">x</p>`))),
    ).toMatchObject({
      limit: 'css-variable-depth',
    });
  });

  it('still resolves ordinary CSS variables', () => {
    expect(inlineCss(page(':root { --brand: #0052cc; } p { color: var(--brand); }'))).toContain(
      '<p style="color: #0052cc;">x</p>',
    );
  });

  it('refuses deeply nested elements (a 45 KB template of nested divs ran for minutes)', async () => {
    const body = `${'<div>'.repeat(4500)}x${'</div>'.repeat(4500)}`;
    expect(body.length).toBeGreaterThan(45_000);
    const error = await rejection(render(page('div { color: red; }', body)));
    expect(error).toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
      limit: 'html-depth',
      message: 'HTML elements are nested more than 200 levels deep.',
    });
  });

  it('refuses too many elements', () => {
    expect(thrown(() => inlineCss(page('p { color: red; }', '<p>x</p>'.repeat(20_001))))).toMatchObject({
      limit: 'html-elements',
    });
  });

  it('refuses a stylesheet over its size', () => {
    expect(thrown(() => inlineCss(page(`p { color: red; }${' '.repeat(100_000)}`)))).toMatchObject({
      limit: 'css-size',
    });
  });
});
