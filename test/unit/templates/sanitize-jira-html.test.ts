import { findAttachmentImageIds, sanitizeJiraHtml } from '../../../src/templates/sanitize-jira-html';

const SITE = 'https://example.atlassian.net';
const EMBEDDED: Readonly<Record<string, string>> = {
  '10010': 'image-10010@issue-mailer',
  '10011': 'image-10011@issue-mailer',
};
const clean = (html: string) => sanitizeJiraHtml(html, { siteUrl: SITE, inlineImage: (id) => EMBEDDED[id] });

describe('sanitizeJiraHtml', () => {
  it.each([
    [
      '<p>Hi <strong>there</strong> <em>you</em> <u>x</u> <del>y</del></p>',
      '<p>Hi <strong>there</strong> <em>you</em> <u>x</u> <del>y</del></p>',
    ],
    [
      '<ul><li>one</li></ul><ol start="3"><li>three</li></ol>',
      '<ul><li>one</li></ul><ol start="3"><li>three</li></ol>',
    ],
    [
      '<table class="confluenceTable"><tr><th colspan="2" style="x">H</th><td rowspan="x">1</td></tr></table>',
      '<table><tr><th colspan="2">H</th><td>1</td></tr></table>',
    ],
    ['<pre><code>a &lt; b</code></pre>', '<pre><code>a &lt; b</code></pre>'],
  ])('keeps formatting, without classes or styles: %s', (input, output) => {
    expect(clean(input)).toBe(output);
  });

  it.each([
    ['<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['<style>p{color:red}</style><p>a</p>', '<p>a</p>'],
    ['<p onclick="steal()">a</p>', '<p>a</p>'],
    ['<iframe src="https://evil.example">a</iframe>b', 'ab'],
    ['<svg><script>alert(1)</script></svg>z', 'z'],
    ['<!-- hidden --><p>a</p>', '<p>a</p>'],
  ])('removes what is unsafe: %s', (input, output) => {
    expect(clean(input)).toBe(output);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
    [
      '<a href="/browse/DEMO-2" class="issue-link">DEMO-2</a>',
      '<a href="https://example.atlassian.net/browse/DEMO-2">DEMO-2</a>',
    ],
    ['<a href="mailto:ada@example.com">mail</a>', '<a href="mailto:ada@example.com">mail</a>'],
  ])('keeps only http(s) and mailto links, made absolute: %s', (input, output) => {
    expect(clean(input)).toBe(output);
  });
});

describe('images', () => {
  it.each([
    [
      'a relative REST content URL',
      '<span class="image-wrap"><img src="/rest/api/3/attachment/content/10010" alt="screen.png" width="300" height="200" style="border: 0px"></span>',
      '<span><img src="cid:image-10010@issue-mailer" alt="screen.png" width="300" height="200"></span>',
    ],
    [
      'an absolute /secure/attachment URL',
      '<img src="https://example.atlassian.net/secure/attachment/10011/10011_log%20graph.png?version=1&amp;x=2" alt="a &amp; b">',
      '<img src="cid:image-10011@issue-mailer" alt="a &amp; b">',
    ],
    [
      'a thumbnail',
      '<img src="/rest/api/2/attachment/thumbnail/10010" />',
      '<img src="cid:image-10010@issue-mailer" alt="">',
    ],
    [
      'a wide image, scaled to the card',
      '<img src="/secure/attachment/10010/x.png" width="1184" height="600">',
      '<img src="cid:image-10010@issue-mailer" alt="" width="592" height="300">',
    ],
  ])('embeds a site attachment that the email carries: %s', (_what, input, output) => {
    expect(clean(input)).toBe(output);
  });

  it.each([
    ['an attachment the email does not carry', '<img src="/rest/api/3/attachment/content/10099" alt="x">'],
    ['another site page', '<img src="/images/icons/emoticons/smile.png" alt=":)">'],
    ["another site's attachment", '<img src="https://other.atlassian.net/rest/api/3/attachment/content/10010">'],
    ['plain http', '<img src="http://images.example.com/a.png">'],
    ['javascript:', '<img src="javascript:alert(1)">'],
    ['data:', '<img src="data:image/png;base64,AAAA">'],
    ['no src', '<img alt="x" onerror="alert(1)">'],
    ['an event handler on a bad src', '<img src="x" onerror="alert(1)">'],
  ])('drops an image it cannot show: %s', (_what, input) => {
    expect(clean(`a${input}b`)).toBe('ab');
  });

  it('keeps a remote https image as an absolute link, without its handlers', () => {
    expect(clean('<img src="https://images.example.com/a.png?x=1&amp;y=2" alt="chart" onload="x()" width="40">')).toBe(
      '<img src="https://images.example.com/a.png?x=1&amp;y=2" alt="chart" width="40">',
    );
  });

  it('drops every image when nothing is embedded', () => {
    expect(sanitizeJiraHtml('<p><img src="/rest/api/3/attachment/content/10010"></p>', { siteUrl: SITE })).toBe(
      '<p></p>',
    );
  });

  it('escapes what an alt text holds', () => {
    expect(clean('<img src="/secure/attachment/10010/a.png" alt="&quot;><script>alert(1)</script>">')).toBe(
      '<img src="cid:image-10010@issue-mailer" alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">',
    );
  });
});

describe('findAttachmentImageIds', () => {
  it('lists the site attachments images show, once each, in order', () => {
    const html =
      '<p><img src="/rest/api/3/attachment/content/10012"></p>' +
      '<img src="https://example.atlassian.net/secure/attachment/10010/a.png">' +
      '<img src="/secure/thumbnail/10012/b.png">' +
      '<img src="https://other.example.com/rest/api/3/attachment/content/10013">' +
      '<a href="/secure/attachment/10014/c.pdf">c.pdf</a>' +
      '<img src="/images/icons/emoticons/smile.png">';
    expect(findAttachmentImageIds(html, SITE)).toEqual(['10012', '10010']);
  });

  it('finds none in text without images', () => {
    expect(findAttachmentImageIds('<p>/rest/api/3/attachment/content/10010</p>', SITE)).toEqual([]);
  });
});
