import { BUILT_IN_TEMPLATE_ID, MAX_TEMPLATE_BYTES, type TemplateView } from '../../../src/contract';
import {
  BODY_TOO_LARGE_MESSAGE,
  bodySizeText,
  copyName,
  editorValuesFor,
  errorPosition,
  offsetOf,
  positionOf,
  previewPayload,
  sortTemplates,
  templateErrorsFrom,
  toTemplateInput,
  upsertTemplate,
  validateTemplateInput,
} from '../../../static/admin/src/templates/template-state';

const BUILT_IN: TemplateView = {
  id: BUILT_IN_TEMPLATE_ID,
  name: 'Issue Mailer default',
  subject: '[{{ issue.key }}] {{ issue.summary }}',
  body: '<p>{{ issue.description_html }}</p>',
  builtIn: true,
  updatedAt: null,
};

const SUPPORT: TemplateView = {
  id: 'support',
  name: 'Support reply',
  subject: 'Re: {{ issue.summary }}',
  body: '<p>Hello</p>',
  builtIn: false,
  updatedAt: '2026-11-01T10:00:00Z',
};

const VALUES = { name: 'Support reply', subject: 'Re: {{ issue.summary }}', body: '<p>Hello</p>' };

describe('copyName', () => {
  it.each([
    ['Support reply', [], 'Copy of Support reply'],
    ['Support reply', ['Copy of Support reply'], 'Copy of Support reply (2)'],
    ['Support reply', ['copy of support reply', 'Copy of Support reply (2)'], 'Copy of Support reply (3)'],
    ['  Padded  ', [], 'Copy of Padded'],
  ])('a copy of %j next to %j is %j', (name, taken, expected) => {
    expect(copyName(name, taken)).toBe(expected);
  });

  it('stays within 80 characters, suffix included', () => {
    const long = 'x'.repeat(80);
    expect(copyName(long, [])).toBe(`Copy of ${'x'.repeat(72)}`);
    expect(copyName(long, [`Copy of ${'x'.repeat(72)}`])).toBe(`Copy of ${'x'.repeat(68)} (2)`);
    expect(copyName(long, [`Copy of ${'x'.repeat(72)}`]).length).toBe(80);
  });
});

describe('editorValuesFor', () => {
  it.each([
    [
      'a new template, from the built-in layout',
      { kind: 'new' } as const,
      { name: '', subject: BUILT_IN.subject, body: BUILT_IN.body },
    ],
    ['a stored template', { kind: 'edit', template: SUPPORT } as const, VALUES],
    [
      'the built-in template',
      { kind: 'view', template: BUILT_IN } as const,
      { name: BUILT_IN.name, subject: BUILT_IN.subject, body: BUILT_IN.body },
    ],
    [
      'a copy',
      { kind: 'new', copyOf: BUILT_IN } as const,
      { name: 'Copy of Issue Mailer default', subject: BUILT_IN.subject, body: BUILT_IN.body },
    ],
  ])('%s opens with its values', (_what, target, expected) => {
    expect(editorValuesFor(target, [BUILT_IN, SUPPORT])).toEqual(expected);
  });

  it('opens a new template empty while the list (with the built-in template) has not loaded', () => {
    expect(editorValuesFor({ kind: 'new' }, [])).toEqual({ name: '', subject: '', body: '' });
  });
});

describe('toTemplateInput', () => {
  it('names the id only when saving a stored template', () => {
    expect(toTemplateInput(VALUES)).toEqual(VALUES);
    expect(toTemplateInput(VALUES, 'support')).toEqual({ id: 'support', ...VALUES });
  });
});

describe('validateTemplateInput', () => {
  it('accepts a complete template', () => {
    expect(validateTemplateInput(VALUES)).toEqual({});
  });

  it.each([
    ['a blank name', { ...VALUES, name: '   ' }, { name: 'Enter a name.' }],
    ['an 81-character name', { ...VALUES, name: 'n'.repeat(81) }, { name: 'Keep the name under 80 characters.' }],
    ['no subject', { ...VALUES, subject: '' }, { subject: 'Enter a subject.' }],
    ['no body', { ...VALUES, body: '' }, { body: 'Enter the HTML body.' }],
    [
      'nothing',
      { name: '', subject: '', body: '' },
      { name: 'Enter a name.', subject: 'Enter a subject.', body: 'Enter the HTML body.' },
    ],
  ])('%s is refused', (_what, input, errors) => {
    expect(validateTemplateInput(input)).toEqual(errors);
  });

  it('counts the body in UTF-8 bytes, as the limit is', () => {
    const atLimit = 'a'.repeat(MAX_TEMPLATE_BYTES);
    expect(validateTemplateInput({ ...VALUES, body: atLimit })).toEqual({});
    // 'é' is one UTF-16 unit but two bytes: under the character limit, over the byte limit.
    const overInBytes = 'é'.repeat(MAX_TEMPLATE_BYTES / 2 + 1);
    expect(validateTemplateInput({ ...VALUES, body: overInBytes })).toEqual({ body: BODY_TOO_LARGE_MESSAGE });
  });
});

describe('templateErrorsFrom', () => {
  it('puts a Liquid error beside its field and keeps messages the editor has no field for', () => {
    expect(
      templateErrorsFrom({
        code: 'TEMPLATE_INVALID',
        message: 'The template has an error.',
        fieldErrors: {
          body: 'Line 3, column 5: tag "iff" not found',
          'subject.0': 'Line 1, column 1: x',
          other: 'Other.',
        },
      }),
    ).toEqual({
      fields: { body: 'Line 3, column 5: tag "iff" not found', subject: 'Line 1, column 1: x' },
      other: ['Other.'],
    });
  });

  it('puts a refused save’s limit, with its line, beside the body', () => {
    expect(
      templateErrorsFrom({
        code: 'TEMPLATE_LIMIT_EXCEEDED',
        message: 'The template goes over one of Issue Mailer’s limits. Change the highlighted part and save again.',
        fieldErrors: { body: 'Line 2, column 1: a range of 3,000,000 items is over the limit of 10,000.' },
      }),
    ).toEqual({
      fields: { body: 'Line 2, column 1: a range of 3,000,000 items is over the limit of 10,000.' },
      other: [],
    });
  });

  it('leaves out the issue key (the preview shows it) and a repeat of the main message', () => {
    expect(
      templateErrorsFrom({ code: 'X', message: 'Same.', fieldErrors: { issueKey: 'No such issue.', id: 'Same.' } }),
    ).toEqual({ fields: {}, other: [] });
  });
});

describe('errorPosition', () => {
  it.each([
    ['Line 3, column 5: tag "iff" not found', { line: 3, column: 5 }],
    ['line 12: unexpected end', { line: 12, column: 1 }],
    ['Unclosed tag at line 7, column 2', { line: 7, column: 2 }],
  ])('%j points at %j', (message, position) => {
    expect(errorPosition(message)).toEqual(position);
  });

  it.each([undefined, '', 'Enter the HTML body.', 'Line 0, column 1: x', 'Deadline 3'])(
    '%j points nowhere',
    (message) => {
      expect(errorPosition(message)).toBeNull();
    },
  );
});

describe('offsetOf and positionOf', () => {
  const TEXT = 'ab\ncdef\n\nxyz';

  it.each([
    [{ line: 1, column: 1 }, 0],
    [{ line: 2, column: 3 }, 5],
    [{ line: 3, column: 1 }, 8],
    [{ line: 4, column: 4 }, 12],
    // Past the end of a line or of the text: the nearest real position.
    [{ line: 2, column: 99 }, 7],
    [{ line: 9, column: 2 }, 10],
  ])('%j is offset %i', (position, offset) => {
    expect(offsetOf(TEXT, position)).toBe(offset);
  });

  it.each([
    [0, { line: 1, column: 1 }],
    [2, { line: 1, column: 3 }],
    [3, { line: 2, column: 1 }],
    [8, { line: 3, column: 1 }],
    [12, { line: 4, column: 4 }],
  ])('offset %i is %j', (offset, position) => {
    expect(positionOf(TEXT, offset)).toEqual(position);
  });
});

describe('previewPayload', () => {
  it.each([
    ['', { subject: VALUES.subject, body: VALUES.body }],
    ['   ', { subject: VALUES.subject, body: VALUES.body }],
    [' demo-12 ', { subject: VALUES.subject, body: VALUES.body, issueKey: 'DEMO-12' }],
    ['ABC_2-7', { subject: VALUES.subject, body: VALUES.body, issueKey: 'ABC_2-7' }],
  ])('issue key %j asks for %j', (issueKey, payload) => {
    expect(previewPayload(VALUES, issueKey)).toEqual({ ok: true, payload });
  });

  it.each(['DEMO', 'DEMO-0', '1DEMO-1', 'DEMO 1'])('refuses issue key %j before the round trip', (issueKey) => {
    expect(previewPayload(VALUES, issueKey)).toEqual({
      ok: false,
      errors: { issueKey: 'Enter an issue key such as DEMO-1.' },
    });
  });
});

describe('sortTemplates and upsertTemplate', () => {
  const alpha: TemplateView = { ...SUPPORT, id: 'alpha', name: 'alpha notes' };

  it('keeps the built-in template first, then orders by name', () => {
    const ids = sortTemplates([SUPPORT, BUILT_IN, alpha]).map((t) => t.id);
    expect(ids).toEqual([BUILT_IN_TEMPLATE_ID, 'alpha', 'support']);
  });

  it('replaces a saved template in place of the old one, or adds a new one in order', () => {
    const renamed = { ...SUPPORT, name: 'Aardvark' };
    expect(upsertTemplate([BUILT_IN, alpha, SUPPORT], renamed).map((t) => t.name)).toEqual([
      'Issue Mailer default',
      'Aardvark',
      'alpha notes',
    ]);
    const ids = upsertTemplate([BUILT_IN, SUPPORT], alpha).map((t) => t.id);
    expect(ids).toEqual([BUILT_IN_TEMPLATE_ID, 'alpha', 'support']);
  });
});

describe('bodySizeText', () => {
  it.each([
    ['', '0.0 KB of 100 KB'],
    ['a'.repeat(2150), '2.1 KB of 100 KB'],
    ['a'.repeat(20 * 1024), '20 KB of 100 KB'],
  ])('a body of %# reads its size', (body, text) => {
    expect(bodySizeText(body)).toBe(text);
  });
});
