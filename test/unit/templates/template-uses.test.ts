import { BUILT_IN_TEMPLATE } from '../../../src/templates/built-in-template';
import { analyseTemplateUses } from '../../../src/templates/template-uses';

/** Issue 12, item 15: which of the dialog's Fields / Description / Comments choices a template looks at. */

const SUBJECT = '[{{ issue.key }}] {{ issue.summary }}';
const NONE = { fields: false, description: false, comments: false };
const ALL = { fields: true, description: true, comments: true };

describe('analyseTemplateUses', () => {
  it.each([
    ['the built-in layout', BUILT_IN_TEMPLATE.subject, BUILT_IN_TEMPLATE.body, ALL],
    ['only issue.summary', SUBJECT, '<p>{{ issue.summary }}</p>', NONE],
    [
      'fields shown without asking include.fields',
      SUBJECT,
      '<p>{{ issue.status }} · {{ issue.assignee | default: "Unassigned" }}</p>',
      NONE,
    ],
    [
      'fields behind include.fields',
      SUBJECT,
      '{% if include.fields %}<p>{{ issue.status }}</p>{% endif %}',
      { ...NONE, fields: true },
    ],
    ['the description', SUBJECT, '<div>{{ issue.description_html }}</div>', { ...NONE, description: true }],
    [
      'comments in a loop',
      SUBJECT,
      '{% for comment in comments %}<p>{{ comment.author }}: {{ comment.body_html }}</p>{% endfor %}',
      { ...NONE, comments: true },
    ],
    [
      'comments in a tablerow',
      SUBJECT,
      '<table>{% tablerow comment in comments cols: 2 %}{{ comment.author }}{% endtablerow %}</table>',
      { ...NONE, comments: true },
    ],
    ['a comment count', SUBJECT, '<p>{{ comments.size }} comments</p>', { ...NONE, comments: true }],
    ['include.latest_comments', SUBJECT, '<p>Latest {{ include.latest_comments }}</p>', { ...NONE, comments: true }],
    [
      'the description through assign',
      SUBJECT,
      '{% assign text = issue.description_html %}{{ text }}',
      { ...NONE, description: true },
    ],
    [
      'the description through capture',
      SUBJECT,
      '{% capture text %}{{ issue.description_html }}{% endcapture %}{{ text }}',
      { ...NONE, description: true },
    ],
    [
      'the description in a {% liquid %} tag',
      SUBJECT,
      '{% liquid\n  echo issue.description_html\n%}',
      { ...NONE, description: true },
    ],
    ['the whole issue through assign', SUBJECT, '{% assign i = issue %}{{ i.key }}', { ...NONE, description: true }],
    [
      'an issue property chosen at render time',
      SUBJECT,
      '{% assign name = "summary" %}{{ issue[name] }}',
      { ...NONE, description: true },
    ],
    ['the whole include object', SUBJECT, '{% for choice in include %}{{ choice }}{% endfor %}', ALL],
    ['a local that shadows comments', SUBJECT, '{% assign comments = "none" %}{{ comments }}', NONE],
    [
      'the description in the subject',
      '{{ issue.description_html | strip_html | truncate: 40 }}',
      '<p>{{ issue.key }}</p>',
      { ...NONE, description: true },
    ],
    // include, render and layout are refused when the template is parsed: such a template is never saved, and
    // what cannot be analysed is taken to use everything.
    ['an include (refused)', SUBJECT, "{% include 'comments' %}", ALL],
    ['a template that does not parse', SUBJECT, '{% if issue.summary %}', ALL],
  ] as const)('%s', (_case, subject, body, expected) => {
    expect(analyseTemplateUses({ subject, body })).toEqual(expected);
  });
});
