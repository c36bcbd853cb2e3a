import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PLACEHOLDERS, placeholderSnippet } from '../../../src/templates/placeholders';
import { renderEmail } from '../../../src/templates/render-email';
import { SAMPLE_ISSUE_DATA } from '../../../src/templates/sample-issue';
import { buildTemplateContext } from '../../../src/templates/template-data';

/** The sample issue as a notification rule sends it: `rule` is set only then. */
const RULE_SAMPLE = { ...SAMPLE_ISSUE_DATA, rule: { name: 'Escalations to the service desk' } };

const renderSample = async (body: string): Promise<string> =>
  (await renderEmail({ subject: '', body }, RULE_SAMPLE)).html;

/** Every leaf of the context (lists included) as dotted names. */
const leaves = (value: unknown, prefix: string): string[] => {
  if (value === null || typeof value !== 'object' || value.constructor !== Object) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix === '' ? key : `${prefix}.${key}`));
};

describe('PLACEHOLDERS', () => {
  it.each(PLACEHOLDERS.map((placeholder) => [placeholder.name, placeholder] as const))(
    '%s renders its example for the sample issue',
    async (_name, placeholder) => {
      const output = await renderSample(placeholderSnippet(placeholder.name));
      expect(output.trim()).not.toBe('');
      if (placeholder.html) expect(output.startsWith(placeholder.example.replace(/…$/, ''))).toBe(true);
      else expect(output).toBe(placeholder.example);
    },
  );

  it('documents every variable the context offers', () => {
    const context = buildTemplateContext(RULE_SAMPLE);
    const documented = new Set(PLACEHOLDERS.map((placeholder) => placeholder.name));
    const offered = [
      ...leaves(context, '').filter((name) => !/^(comments|attachments)$/.test(name)),
      ...Object.keys(context.comments[0] ?? {}).map((key) => `comment.${key}`),
      ...Object.keys(context.attachments[0] ?? {})
        .filter((key) => key !== 'size')
        .map((key) => `attachment.${key}`),
      'comments.size',
      'attachments.size',
    ];
    expect(offered.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !offered.includes(name))).toEqual([]);
  });

  it('marks exactly the sanitized HTML values as html', () => {
    expect(PLACEHOLDERS.filter((placeholder) => placeholder.html).map((placeholder) => placeholder.name)).toEqual([
      'issue.description_html',
      'comment.body_html',
      'message_html',
    ]);
  });

  it('has unique names', () => {
    const names = PLACEHOLDERS.map((placeholder) => placeholder.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('imports nothing but contract types, so the admin page can bundle it', () => {
    const source = readFileSync(join(__dirname, '../../../src/templates/placeholders.ts'), 'utf8');
    expect(source.match(/^import .*$/gm)).toEqual(["import type { PlaceholderDoc } from '../contract/templates';"]);
  });

  it.each([
    ['issue.key', '{{ issue.key }}'],
    ['comment.author', '{% for comment in comments limit: 1 %}{{ comment.author }}{% endfor %}'],
    ['issue.label_list', '{{ issue.label_list | join: ", " }}'],
  ])('placeholderSnippet(%j)', (name, snippet) => {
    expect(placeholderSnippet(name)).toBe(snippet);
  });
});
