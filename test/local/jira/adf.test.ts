import { textToAdf } from '../../../local/jira/adf/from-text';
import { adfToHtml } from '../../../local/jira/adf/to-html';
import { adfToText } from '../../../local/jira/adf/to-text';
import { adfToWiki } from '../../../local/jira/adf/to-wiki';
import type { AdfNode } from '../../../local/jira/adf/types';
import { checkAdfDocument } from '../../../local/jira/adf/validate';
import {
  code,
  codeBlock,
  doc,
  em,
  emoji,
  h,
  link,
  mention,
  ol,
  p,
  panel,
  quote,
  rule,
  strike,
  strong,
  table,
  ul,
} from '../../../local/jira/seed/adf-builders';

const SITE = 'http://127.0.0.1:4000';
const html = (...nodes: AdfNode[]) =>
  adfToHtml(doc(...nodes), { siteUrl: SITE, displayNameOf: (id) => (id === 'known' ? 'Known Person' : undefined) });

describe('ADF to Jira-rendered HTML', () => {
  it.each<[string, AdfNode[], string]>([
    [
      'marks',
      [p(strong('b'), ' ', em('i'), ' ', code('c'), ' ', strike('s'))],
      '<p><b>b</b> <em>i</em> <tt>c</tt> <del>s</del></p>',
    ],
    [
      'more marks',
      [
        p(
          { type: 'text', text: 'u', marks: [{ type: 'underline' }] },
          { type: 'text', text: '2', marks: [{ type: 'subsup', attrs: { type: 'sup' } }] },
          { type: 'text', text: 'red', marks: [{ type: 'textColor', attrs: { color: '#ff0000' } }] },
        ),
      ],
      '<p><ins>u</ins><sup>2</sup><font color="#ff0000">red</font></p>',
    ],
    [
      'a bold link',
      [
        p({
          type: 'text',
          text: 'docs',
          marks: [{ type: 'link', attrs: { href: 'https://x.example/?a=1&b=2' } }, { type: 'strong' }],
        }),
      ],
      '<p><a href="https://x.example/?a=1&amp;b=2" class="external-link" target="_blank" rel="nofollow noopener"><b>docs</b></a></p>',
    ],
    [
      'escaping',
      [p('<script>alert("x") & more</script>')],
      '<p>&lt;script&gt;alert(&quot;x&quot;) &amp; more&lt;/script&gt;</p>',
    ],
    ['a heading', [h(3, 'Steps to reproduce!')], '<h3><a name="Stepstoreproduce"></a>Steps to reproduce!</h3>'],
    [
      'nested lists',
      [ul('one', [p('two'), ol('a', 'b')])],
      '<ul>\n\t<li>one</li>\n\t<li>two\n<ol>\n\t<li>a</li>\n\t<li>b</li>\n</ol></li>\n</ul>',
    ],
    [
      'a code block without language',
      [codeBlock(null, 'if (a < b) {}')],
      '<div class="code panel" style="border-width: 1px;"><div class="codeContent panelContent">\n<pre class="code-java">if (a &lt; b) {}</pre>\n</div></div>',
    ],
    [
      'a code block in bash',
      [codeBlock('bash', 'ls -la')],
      '<div class="code panel" style="border-width: 1px;"><div class="codeContent panelContent">\n<pre class="code-bash">ls -la</pre>\n</div></div>',
    ],
    ['a quote and a rule', [quote(p('said')), rule()], '<blockquote><p>said</p></blockquote>\n\n<hr />'],
    [
      'a warning panel',
      [panel('warning', p('careful'))],
      '<div class="panel" style="background-color: #fffae6;border-width: 1px;"><div class="panelContent" style="background-color: #fffae6;">\n<p>careful</p>\n</div></div>',
    ],
    [
      'a table',
      [table(['A', 'B'], ['1', strong('2')])],
      "<div class='table-wrap'>\n<table class='confluenceTable'><tbody>\n<tr>\n<th class='confluenceTh'>A</th>\n<th class='confluenceTh'>B</th>\n</tr>\n<tr>\n<td class='confluenceTd'>1</td>\n<td class='confluenceTd'><b>2</b></td>\n</tr>\n</tbody></table>\n</div>",
    ],
    [
      'mentions of known and unknown people',
      [p(mention('known', 'Old Name'), ' ', mention('gone', 'Former Colleague'))],
      `<p><a href="${SITE}/secure/ViewProfile.jspa?accountId=known" class="user-hover" rel="known" data-account-id="known" accountid="known">Known Person</a> <a href="${SITE}/secure/ViewProfile.jspa?accountId=gone" class="user-hover" rel="gone" data-account-id="gone" accountid="gone">Former Colleague</a></p>`,
    ],
    ['an emoji and a break', [p(emoji(':smile:', '😄'), { type: 'hardBreak' }, 'next')], '<p>😄<br/>next</p>'],
    [
      'an inline card',
      [p({ type: 'inlineCard', attrs: { url: 'https://example.com/a' } })],
      '<p><a href="https://example.com/a" class="external-link" target="_blank" rel="nofollow noopener">https://example.com/a</a></p>',
    ],
  ])('renders %s', (_what, nodes, expected) => {
    expect(html(...nodes)).toBe(expected);
  });
});

describe('ADF to wiki markup (REST v2)', () => {
  it('converts blocks and marks', () => {
    expect(
      adfToWiki(
        doc(
          h(2, 'Title'),
          p(strong('b'), ' ', em('i'), ' ', code('c'), ' ', link('site', 'https://x.example')),
          ul('one', [p('two'), ul('deeper')]),
          ol('first'),
          codeBlock('sql', 'select 1'),
          quote(p('q')),
          rule(),
          table(['H1', 'H2'], ['a', 'b']),
          p(mention('abc', 'Someone')),
        ),
      ),
    ).toBe(
      [
        'h2. Title',
        '*b* _i_ {{c}} [site|https://x.example]',
        '* one\n* two\n** deeper',
        '# first',
        '{code:sql}select 1{code}',
        '{quote}q{quote}',
        '----',
        '||H1||H2||\n|a|b|',
        '[~accountid:abc]',
      ].join('\n\n'),
    );
  });
});

describe('checkAdfDocument', () => {
  it.each([
    ['a paragraph', doc(p('hi')), 'ok'],
    ['a rule only', doc(rule()), 'ok'],
    ['a mention only', doc(p(mention('a', 'A'))), 'ok'],
    ['no content', doc(), 'empty'],
    ['an empty paragraph', doc(p()), 'empty'],
    ['a string', 'hello', 'invalid'],
    ['null', null, 'invalid'],
    ['missing version', { type: 'doc', content: [p('x')] }, 'invalid'],
    [
      'an unknown mark',
      doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }),
      'invalid',
    ],
    ['text on a paragraph', doc({ type: 'paragraph', text: 'x' }), 'invalid'],
    ['an extra key', { ...doc(p('x')), extra: 1 }, 'invalid'],
  ])('%s is %s', (_what, value, expected) => {
    const result = checkAdfDocument(value);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });
});

describe('plain text and back', () => {
  it('extracts words for search', () => {
    expect(adfToText(doc(h(1, 'Head'), p('one ', strong('two')), ul('three')))).toBe('Head\none two\nthree');
    expect(adfToText(null)).toBe('');
  });

  it('turns text into paragraphs and hard breaks', () => {
    expect(textToAdf('a\nb\n\n\nc')).toEqual(
      doc(
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'c' }] },
      ),
    );
    expect(textToAdf('  \n\n').content).toEqual([]);
  });
});
