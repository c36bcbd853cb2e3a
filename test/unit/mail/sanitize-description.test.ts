import { sanitizeDescription } from '../../../src/mail/sanitize-description';

const SITE = 'https://example.atlassian.net';
const clean = (html: string) => sanitizeDescription(html, SITE);

describe('sanitizeDescription', () => {
  it.each([
    ['<p>Hi <strong>there</strong> <em>you</em> <u>x</u> <del>y</del></p>', '<p>Hi <strong>there</strong> <em>you</em> <u>x</u> <del>y</del></p>'],
    ['<ul><li>one</li></ul><ol start="3"><li>three</li></ol>', '<ul><li>one</li></ul><ol start="3"><li>three</li></ol>'],
    ['<h3>Title</h3><hr><br>', '<h3>Title</h3><hr><br>'],
  ])('keeps common formatting: %s', (input, output) => {
    expect(clean(input)).toBe(output);
  });

  it.each([
    ['<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['<style>p{color:red}</style><p>a</p>', '<p>a</p>'],
    ['<p onclick="steal()">a</p>', '<p>a</p>'],
    ['<img src="x" onerror="alert(1)">', ''],
    ['<iframe src="https://evil.example">a</iframe>b', 'ab'],
    ['<form action="/x"><input name="q"></form>', ''],
    ['<p style="position:fixed" class="panel">a</p>', '<p>a</p>'],
    ['<!-- hidden --><p>a</p>', '<p>a</p>'],
    ['<svg><script>alert(1)</script></svg>z', 'z'],
  ])('removes what is unsafe or useless in email: %s', (input, output) => {
    expect(clean(input)).toBe(output);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', '<a style="color:#0052cc;">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a style="color:#0052cc;">x</a>'],
    ['<a href="data:text/html,<b>">x</a>', '<a style="color:#0052cc;">x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', '<a style="color:#0052cc;">x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a style="color:#0052cc;">x</a>'],
    ['<a href="/browse/DEMO-2" class="issue-link">DEMO-2</a>', '<a style="color:#0052cc;" href="https://example.atlassian.net/browse/DEMO-2">DEMO-2</a>'],
    ['<a href="https://docs.example.com/a?b=1&amp;c=2" title="Docs">docs</a>', '<a style="color:#0052cc;" href="https://docs.example.com/a?b=1&amp;c=2" title="Docs">docs</a>'],
    ['<a href="mailto:ada@example.com">mail</a>', '<a style="color:#0052cc;" href="mailto:ada@example.com">mail</a>'],
  ])('keeps only http(s) and mailto links, made absolute: %s', (input, output) => {
    expect(clean(input)).toBe(output);
  });

  it('keeps tables with their spans and gives them inline borders', () => {
    expect(clean('<table class="confluenceTable"><tbody><tr><th colspan="2">H</th></tr><tr><td rowspan="x">1</td><td>2</td></tr></tbody></table>')).toBe(
      '<table style="border-collapse:collapse;margin:8px 0;"><tbody>' +
        '<tr><th style="border:1px solid #dfe1e6;padding:6px 8px;background-color:#f4f5f7;text-align:left;" colspan="2">H</th></tr>' +
        '<tr><td style="border:1px solid #dfe1e6;padding:6px 8px;vertical-align:top;">1</td><td style="border:1px solid #dfe1e6;padding:6px 8px;vertical-align:top;">2</td></tr>' +
        '</tbody></table>',
    );
  });

  it('does not style text that merely looks like a tag', () => {
    expect(clean('<p>&lt;table&gt; and <code>a &lt; b</code></p>')).toBe(
      '<p>&lt;table&gt; and <code style="font-family:Menlo,Consolas,monospace;font-size:13px;">a &lt; b</code></p>',
    );
  });

  it('escapes markup in attribute values', () => {
    expect(clean('<a href="https://x.example/" title="&quot;><script>alert(1)</script>">t</a>')).not.toContain('<script>');
  });
});
