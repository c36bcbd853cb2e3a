import { MAX_TEMPLATE_BYTES } from '../../../src/contract/templates';
import { renderEmail, toSubjectLine, validateTemplate } from '../../../src/templates/render-email';
import { TemplateError } from '../../../src/templates/template-errors';
import { issueData, rejection, thrown } from './template-fixtures';

const render = (body: string, subject = '{{ issue.key }}', data = issueData()) => renderEmail({ subject, body }, data);

describe('renderEmail escaping', () => {
  const data = issueData({ issue: { summary: '<script>alert(1)</script> & "quotes"' } });

  it('escapes Jira text in the HTML body', async () => {
    const { html } = await render('<h1>{{ issue.summary }}</h1><a title="{{ issue.summary }}">x</a>', '', data);
    expect(html).toBe(
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;</h1>' +
        '<a title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;">x</a>',
    );
  });

  it('keeps the plain-text subject as the text it is', async () => {
    const { subject } = await render('', '[{{ issue.key }}] {{ issue.summary }}', data);
    expect(subject).toBe('[SHOP-142] <script>alert(1)</script> & "quotes"');
  });

  it('captures plain text in the subject', async () => {
    const { subject } = await render('', '{% capture s %}{{ issue.summary }}{% endcapture %}{{ s }}', data);
    expect(subject).toBe('<script>alert(1)</script> & "quotes"');
  });

  it('outputs a value unescaped only when the template says | raw', async () => {
    const { html } = await render('{{ issue.summary | raw }}', '', data);
    expect(html).toBe('<script>alert(1)</script> & "quotes"');
  });

  it('escapes what a filter made of sanitized HTML, and passes sanitized HTML as it is', async () => {
    const { html } = await render(
      '{{ comment.body_html }}|{{ comment.body_html | upcase }}'.replace(/comment\./g, 'comments.first.'),
    );
    expect(html).toBe(
      '<p>Reproduced on staging: the gateway answers <code>card_token_expired</code>.</p>|' +
        '&lt;P&gt;REPRODUCED ON STAGING: THE GATEWAY ANSWERS &lt;CODE&gt;CARD_TOKEN_EXPIRED&lt;/CODE&gt;.&lt;/P&gt;',
    );
  });

  it('gives the sender’s words as escaped text with line breaks', async () => {
    const { html } = await render('{{ message_html }}', '', issueData({ message: '  <b>Hi</b>\r\nsee below  \n' }));
    expect(html).toBe('&lt;b&gt;Hi&lt;/b&gt;<br>\nsee below');
  });
});

describe('renderEmail subject', () => {
  it('collapses whitespace and line breaks into one line', async () => {
    const { subject } = await render(
      '',
      '  {{ issue.key }}\n\n  {% if issue.status %}({{ issue.status }}){% endif %}\t',
    );
    expect(subject).toBe('SHOP-142 (In Progress)');
  });

  it('cuts a long subject to 255 characters with an ellipsis', async () => {
    const { subject } = await render(
      '',
      '{{ issue.summary }}',
      issueData({ issue: { summary: `${'a'.repeat(250)} ${'b'.repeat(50)}` } }),
    );
    expect(subject).toHaveLength(255);
    expect(subject).toBe(`${'a'.repeat(250)} bbb…`);
  });

  it.each([
    ['', ''],
    ['x'.repeat(255), 'x'.repeat(255)],
    ['x'.repeat(256), `${'x'.repeat(254)}…`],
  ])('toSubjectLine(%#)', (input, output) => {
    expect(toSubjectLine(input)).toBe(output);
  });
});

describe('template errors', () => {
  const broken = '<p>\n<b>\n{% if issue.key %}\n</b>';

  it('refuses a block left open, naming the field and line', () => {
    const error = thrown(() => validateTemplate({ subject: '{{ issue.key }}', body: broken }));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({
      code: 'TEMPLATE_INVALID',
      field: 'body',
      line: 3,
      column: 1,
      message: 'Line 3, column 1: tag {% if issue.key %} not closed.',
      fieldErrors: { body: 'Line 3, column 1: tag {% if issue.key %} not closed.' },
    });
  });

  it('refuses the same when rendering', async () => {
    const error = await rejection(render(broken));
    expect(error).toMatchObject({ field: 'body', line: 3 });
  });

  it.each([
    ['{{ issue.key | nope }}', 'subject', 'Line 1, column 1: undefined filter: nope.'],
    ['a\n  {% endif %}', 'subject', 'Line 2, column 3: tag "endif" not found.'],
    ['{{ issue.key', 'subject', 'Line 1, column 1: output "{{ issue.key" not closed.'],
  ])('names what is wrong in the subject: %j', (subject, field, message) => {
    expect(thrown(() => validateTemplate({ subject, body: '<p></p>' }))).toMatchObject({ field, message });
  });

  it('never repeats the template around the error', () => {
    const error = thrown(() =>
      validateTemplate({ subject: 'x', body: 'secret line one\nsecret line two\n{% if x %}\nsecret line four' }),
    );
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toBe('Line 3, column 1: tag {% if x %} not closed.');
  });

  it('cuts a long tag liquidjs names to keep the message short', () => {
    const error = thrown(() =>
      validateTemplate({ subject: 'x', body: `{% if ${'a'.repeat(500)} %}` }),
    ) as TemplateError;
    expect(error.message.length).toBeLessThan(200);
    expect(error.message).toBe(`Line 1, column 1: tag {% if ${'a'.repeat(149)}….`);
  });

  it.each(['include', 'render', 'layout'])('refuses {%% %s %%} while parsing, before any file is looked up', (tag) => {
    const error = thrown(() => validateTemplate({ subject: 'x', body: `<p>\n  {% ${tag} "footer" %}` }));
    expect(error).toMatchObject({
      code: 'TEMPLATE_INVALID',
      field: 'body',
      line: 2,
      column: 3,
      message: `Line 2, column 3: tag "${tag}" is not available: a template cannot use other templates.`,
    });
  });

  it('refuses include inside a {% liquid %} tag too', () => {
    const error = thrown(() => validateTemplate({ subject: 'x', body: '{% liquid\n  include "x"\n%}' }));
    expect(error).toMatchObject({ field: 'body', message: expect.stringContaining('tag "include" is not available') });
  });

  it('stops a loop whose every step is slow at the render time limit', async () => {
    const body =
      '{% assign xs = (1..10000) %}{% for i in (1..10000) %}{% assign ys = xs | sort: "a" | map: "b" %}{% endfor %}';
    const error = await rejection(render(body));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
      limit: 'render-time',
      message: 'Line 1, column 29: the template takes too long to render (a loop that never ends?).',
    });
  });

  it('stops a template that allocates too much', async () => {
    // The time limit lifted: the memory count must stop it, however busy the machine.
    const error = await rejection(
      renderEmail(
        {
          subject: '{{ issue.key }}',
          body: 'x\n{% assign s = "x" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}',
        },
        issueData(),
        { renderMs: 600_000 },
      ),
    );
    expect(error).toMatchObject({
      field: 'body',
      limit: 'memory',
      message: 'Line 2, column 43: the template builds too much text (a loop that never ends?).',
    });
  });

  it('stops a subject that writes too much', async () => {
    const error = await rejection(render('', '{% for i in (1..2000) %}{{ issue.summary }}{% endfor %}'));
    expect(error).toMatchObject({
      field: 'subject',
      message: 'Line 1, column 25: the template writes too much text (a loop that never ends?).',
    });
  });

  it('stops a capture that doubles itself, which liquidjs would let grow unbounded', async () => {
    const body = '{% for i in (1..40) %}{% capture x %}{{ x }}{{ x }}a{% endcapture %}{% endfor %}{{ x | size }}';
    const error = await rejection(render(body));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toMatch(
      /^Line 1, column \d+: the template (writes|builds) too much text \(a loop that never ends\?\)\.$/,
    );
  });

  it('accepts the largest body the contract allows', () => {
    expect(() => validateTemplate({ subject: 'x', body: 'a'.repeat(MAX_TEMPLATE_BYTES) })).not.toThrow();
  });

  it('refuses a longer one', () => {
    expect(thrown(() => validateTemplate({ subject: 'x', body: 'a'.repeat(MAX_TEMPLATE_BYTES + 1) }))).toMatchObject({
      field: 'body',
      line: undefined,
      message: 'The template is too long.',
    });
  });
});

describe('engine settings', () => {
  it.each([
    ['{% if "" %}yes{% else %}no{% endif %}', 'yes'],
    ['{% if 0 %}yes{% else %}no{% endif %}', 'yes'],
    ['{% if issue.nothing %}yes{% else %}no{% endif %}', 'no'],
    ['[{{ issue.nothing }}]', '[]'],
    ['[{{ issue.constructor }}][{{ issue.key.constructor }}][{{ sender.__proto__ }}]', '[][][]'],
    ['{{ issue.label_list.size }} {{ issue.label_list.first }}', '2 checkout'],
    ['{{ "now" | date: "%Y" | size }}', '4'],
    [
      '{% capture x %}<b>{{ issue.project.name }} & {{ "<i>" }}</b>{% endcapture %}{{ x }}|{{ x | size }}|{{ x.size }}',
      '<b>Web Shop & &lt;i&gt;</b>|27|27',
    ],
    ['{% capture k %}{{ issue.key }}{% endcapture %}{% if k == "SHOP-142" %}same{% endif %}', 'same'],
    ['{{ issue.description_html | size }}={{ issue.description_html.size }}', '340=340'],
  ])('%s renders %j', async (body, output) => {
    expect((await render(body)).html).toBe(output);
  });
});
