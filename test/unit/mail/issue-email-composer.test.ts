import { composeIssueEmail, defaultSubject, issueUrl } from '../../../src/mail/issue-email-composer';
import { formatDate, formatDateTime } from '../../../src/mail/format-dates';
import { textToHtml } from '../../../src/mail/html-escape';
import { issueSnapshot } from '../support/issue';

const SITE = 'https://example.atlassian.net';

const compose = (overrides: Parameters<typeof issueSnapshot>[0] = {}, senderMessage = '', timeZone?: string) =>
  composeIssueEmail({
    issue: issueSnapshot(overrides),
    siteUrl: SITE,
    subject: '[DEMO-1] Login page shows a blank screen',
    senderMessage,
    ...(timeZone === undefined ? {} : { timeZone }),
  });

/** The text of the field table cell after a label. */
const fieldValue = (html: string, label: string): string | undefined =>
  new RegExp(`>${label}</td><td[^>]*>([^<]*)</td>`).exec(html)?.[1];

describe('composeIssueEmail', () => {
  it('links the key and summary and the button to the issue', () => {
    const { html, subject } = compose();
    expect(subject).toBe('[DEMO-1] Login page shows a blank screen');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(
      '<a href="https://example.atlassian.net/browse/DEMO-1" style="color:#0052cc;text-decoration:none;">DEMO-1</a> Login page shows a blank screen</h1>',
    );
    expect(html).toMatch(/<a href="https:\/\/example\.atlassian\.net\/browse\/DEMO-1" style="display:inline-block;[^"]*">View in Jira<\/a>/);
  });

  it('shows the key fields in order', () => {
    const { html } = compose();
    const labels = [...html.matchAll(/<td width="120"[^>]*>([^<]+)<\/td>/g)].map((match) => match[1]);
    expect(labels).toEqual(['Status', 'Type', 'Priority', 'Assignee', 'Reporter', 'Created', 'Updated', 'Due date', 'Labels', 'Components']);
    expect(fieldValue(html, 'Status')).toBe('In Progress');
    expect(fieldValue(html, 'Assignee')).toBe('Ada Lovelace');
    expect(fieldValue(html, 'Created')).toBe('8 Mar 2024, 10:22 UTC');
    expect(fieldValue(html, 'Due date')).toBe('20 Mar 2024');
    expect(fieldValue(html, 'Labels')).toBe('frontend, login');
    expect(fieldValue(html, 'Components')).toBe('Web');
  });

  it('leaves out empty fields and shows Unassigned', () => {
    const { html } = compose({ priority: undefined, assignee: undefined, dueDate: undefined, labels: [], components: [] });
    const labels = [...html.matchAll(/<td width="120"[^>]*>([^<]+)<\/td>/g)].map((match) => match[1]);
    expect(labels).toEqual(['Status', 'Type', 'Assignee', 'Reporter', 'Created', 'Updated']);
    expect(fieldValue(html, 'Assignee')).toBe('Unassigned');
  });

  it('shows dates in the given time zone', () => {
    expect(fieldValue(compose({}, '', 'Europe/Berlin').html, 'Created')).toBe('8 Mar 2024, 11:22 (Europe/Berlin)');
  });

  it('escapes every piece of Jira text', () => {
    const { html } = compose({
      summary: '<script>alert("x")</script>',
      assignee: '<img src=x onerror=alert(1)>',
      labels: ['a&b'],
      project: { key: 'DEMO', name: '"Quotes"' },
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(fieldValue(html, 'Assignee')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(fieldValue(html, 'Labels')).toBe('a&amp;b');
    expect(html).toContain('&quot;Quotes&quot; · Bug');
  });

  it('puts the sender message first, escaped, with line breaks', () => {
    const { html } = compose({}, 'Hi team,\r\nplease look at <this>.\n');
    expect(html).toContain('Hi team,<br>\nplease look at &lt;this&gt;.</td></tr>');
    expect(html.indexOf('Hi team')).toBeLessThan(html.indexOf('<h1'));
  });

  it('has no message row when the sender wrote nothing', () => {
    expect(compose({}, '   ').html).not.toContain('padding:0 4px 20px 4px');
  });

  it('includes the sanitized rendered description', () => {
    const { html } = compose({ descriptionHtml: '<p>Steps <b>here</b></p><script>steal()</script><a href="/browse/DEMO-2">DEMO-2</a>' });
    expect(html).toContain('>Description</div><p>Steps <b>here</b></p><a style="color:#0052cc;" href="https://example.atlassian.net/browse/DEMO-2">DEMO-2</a></div>');
    expect(html).not.toContain('steal()');
  });

  it('has no description block without a description', () => {
    expect(compose({ descriptionHtml: undefined }).html).not.toContain('>Description<');
    expect(compose({ descriptionHtml: '  ' }).html).not.toContain('>Description<');
  });

  it('escapes the subject in the title', () => {
    const { html } = composeIssueEmail({ issue: issueSnapshot(), siteUrl: SITE, subject: 'a</title><script>', senderMessage: '' });
    expect(html).toContain('<title>a&lt;/title&gt;&lt;script&gt;</title>');
  });
});

describe('defaultSubject', () => {
  it('is [KEY] summary with whitespace collapsed', () => {
    expect(defaultSubject({ key: 'DEMO-1', summary: '  Login\n page  ' })).toBe('[DEMO-1] Login page');
  });

  it('fits 255 characters', () => {
    const subject = defaultSubject({ key: 'DEMO-1', summary: 'x'.repeat(400) });
    expect(subject).toHaveLength(255);
    expect(subject.endsWith('x…')).toBe(true);
  });
});

describe('helpers', () => {
  it('builds the issue URL without doubling slashes', () => {
    expect(issueUrl('https://example.atlassian.net/', 'DEMO-1')).toBe('https://example.atlassian.net/browse/DEMO-1');
  });

  it.each([
    ['2024-03-08T10:22:05.000+0000', 'UTC', '8 Mar 2024, 10:22 UTC'],
    ['2024-03-08T10:22:05.000-0500', 'UTC', '8 Mar 2024, 15:22 UTC'],
    ['not a date', 'UTC', 'not a date'],
  ])('formatDateTime(%s, %s) = %s', (iso, zone, expected) => {
    expect(formatDateTime(iso, zone)).toBe(expected);
  });

  it.each([
    ['2024-03-20', '20 Mar 2024'],
    ['2024-13-40', '2024-13-40'],
    ['soon', 'soon'],
  ])('formatDate(%s) = %s', (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });

  it('turns plain text into HTML', () => {
    expect(textToHtml(`a\r\nb\rc\n<d> & 'e'`)).toBe('a<br>\nb<br>\nc<br>\n&lt;d&gt; &amp; &#39;e&#39;');
  });
});
