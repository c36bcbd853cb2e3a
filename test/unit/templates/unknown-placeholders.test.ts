import { BUILT_IN_TEMPLATE } from '../../../src/templates/built-in-template';
import { PLACEHOLDERS, placeholderSnippet } from '../../../src/templates/placeholders';
import { findUnknownPlaceholders } from '../../../src/templates/unknown-placeholders';

const unknownInBody = (body: string): string[] =>
  findUnknownPlaceholders({ subject: 'x', body }).map((found) => found.name);

describe('findUnknownPlaceholders', () => {
  it.each([
    ['a known placeholder', '{{ issue.key }} {{ issue.project.name }} {{ site.url }}', []],
    ['an unknown field of the issue', '<p>{{ issue.nonexistent }}</p>', ['issue.nonexistent']],
    ['an unknown root', '{{ ticket.key }}', ['ticket.key']],
    ['a field below a text', '{{ issue.summary.text }}', ['issue.summary.text']],
    ['an unknown field of a known object', '{{ issue.project.id }}', ['issue.project.id']],
    [
      'Liquid’s size of a text or a list',
      '{{ issue.summary.size }} {{ comments.size }} {{ issue.label_list.size }}',
      [],
    ],
    [
      'a list’s first item and an index',
      '{{ comments.first.author }} {{ comments[0].body_html }} {{ issue.label_list.last }}',
      [],
    ],
    ['an unknown field of a list’s item', '{{ comments.first.title }}', ['comments.first.title']],
    [
      'the loop variable of a documented list',
      '{% for comment in comments %}{{ comment.author }}{{ forloop.index }}{% endfor %}',
      [],
    ],
    ['a loop variable of any name', '{% for c in attachments %}{{ c.filename }} {{ c.size_label }}{% endfor %}', []],
    [
      'an unknown field of a loop variable',
      '{% for c in comments %}{{ c.author }}{{ c.title }}{% endfor %}',
      ['c.title'],
    ],
    ['a loop over a list of texts', '{% for label in issue.label_list %}{{ label }}{% endfor %}', []],
    ['a loop over an unknown list', '{% for x in issue.watchers %}{{ x.name }}{% endfor %}', ['issue.watchers']],
    [
      'a tablerow variable',
      '{% tablerow a in attachments %}{{ a.filename }}{{ a.owner }}{% endtablerow %}',
      ['a.owner'],
    ],
    ['the loop variable after its loop', '{% for c in comments %}{% endfor %}{{ c.author }}', ['c.author']],
    ['an assigned variable', '{% assign who = issue.assignee | default: "nobody" %}{{ who }} {{ who.size }}', []],
    ['a captured variable', '{% capture line %}{{ issue.key }}{% endcapture %}{{ line }}', []],
    ['an unknown placeholder being assigned', '{% assign who = issue.owner %}{{ who }}', ['issue.owner']],
    ['a variable used before it is assigned', '{{ total }}{% assign total = 1 %}{{ total }}', ['total']],
    ['a filter argument', '{{ issue.assignee | default: issue.owner }}', ['issue.owner']],
    ['a keyword filter argument', '{{ comments | where: "author", sender.nickname | size }}', ['sender.nickname']],
    ['a condition', '{% if issue.resolution %}done{% elsif include.fields %}fields{% endif %}', ['issue.resolution']],
    ['a dynamic index into a known object', '{% assign k = "key" %}{{ issue[k] }}', []],
    [
      'each name once, at its first use',
      '{{ nope }}\n{{ issue.key }} {{ nope }}\n{{ issue.nope }}',
      ['nope', 'issue.nope'],
    ],
  ])('%s', (_what, body, unknown) => {
    expect(unknownInBody(body)).toEqual(unknown);
  });

  it('names the field, line and column of each, subject first', () => {
    expect(
      findUnknownPlaceholders({
        subject: '[{{ issue.key }}] {{ issue.titel }}',
        body: '<p>\n  {{ issue.nonexistent }}</p>',
      }),
    ).toEqual([
      { name: 'issue.titel', field: 'subject', line: 1, column: 22 },
      { name: 'issue.nonexistent', field: 'body', line: 2, column: 6 },
    ]);
  });

  it('finds nothing unknown in the built-in template', () => {
    expect(findUnknownPlaceholders(BUILT_IN_TEMPLATE)).toEqual([]);
  });

  it.each(PLACEHOLDERS.map((placeholder) => [placeholder.name]))('knows the documented placeholder %s', (name) => {
    expect(unknownInBody(placeholderSnippet(name))).toEqual([]);
  });
});
