import { BUILT_IN_TEMPLATE_ID, type CommentChoice } from '../../../src/contract';
import { BUILT_IN_TEMPLATE } from '../../../src/templates/built-in-template';
import { renderEmail, validateTemplate } from '../../../src/templates/render-email';
import { issueData } from './template-fixtures';

const count = (html: string, text: string) => html.split(text).length - 1;

const combinations = [true, false].flatMap((fields) =>
  [true, false].flatMap((description) =>
    (['none', 'latest', 'all'] as CommentChoice[]).map((comments) => ({ fields, description, comments })),
  ),
);

describe('the built-in template', () => {
  it('is the read-only "Standard" template', () => {
    expect(BUILT_IN_TEMPLATE).toMatchObject({
      id: BUILT_IN_TEMPLATE_ID,
      name: 'Standard',
      builtIn: true,
      updatedAt: null,
    });
    expect(BUILT_IN_TEMPLATE.subject).toBe('[{{ issue.key }}] {{ issue.summary }}');
    expect(() => validateTemplate(BUILT_IN_TEMPLATE)).not.toThrow();
  });

  it('is authored with a stylesheet, not inline styles', () => {
    expect(BUILT_IN_TEMPLATE.body).toContain('<style>');
    expect(BUILT_IN_TEMPLATE.body).not.toContain('style="');
  });

  it.each(combinations)(
    'renders with fields $fields, description $description, comments $comments',
    async (include) => {
      const data = issueData({ include: { ...include, latestComments: 1 } });
      const { subject, html } = await renderEmail(BUILT_IN_TEMPLATE, data);

      expect(subject).toBe('[SHOP-142] Checkout fails for saved cards');
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
      expect(html).not.toMatch(/\{\{|\{%|Liquid error/);
      expect(html).toContain('Hi team,<br>\nCould you look at this before the release on Friday?</td>');
      expect(html).toContain('>Web Shop · Bug</div>');
      expect(html).toMatch(
        /<a href="https:\/\/your-domain\.atlassian\.net\/browse\/SHOP-142" style="[^"]+">SHOP-142<\/a> Checkout fails for saved cards<\/h1>/,
      );
      expect(count(html, '>Status</td>')).toBe(include.fields ? 1 : 0);
      expect(
        html.match(/>Due date<\/td><td class="field-value" style="[^"]+" valign="top">20 Mar 2024<\/td>/g)?.length ?? 0,
      ).toBe(include.fields ? 1 : 0);
      expect(count(html, '>Description</div>')).toBe(include.description ? 1 : 0);
      expect(count(html, 'the gateway answers')).toBe(include.comments === 'none' ? 0 : 1);
      expect(count(html, 'Happens since the 7 March deployment.')).toBe(include.comments === 'all' ? 1 : 0);
      expect(count(html, '>Latest comments</div>')).toBe(include.comments === 'latest' ? 1 : 0);
      expect(count(html, '>Comments</div>')).toBe(include.comments === 'all' ? 1 : 0);
      expect(html).toContain('>checkout-error.png</td>');
      expect(html).toMatch(
        /<a class="button" href="https:\/\/your-domain\.atlassian\.net\/browse\/SHOP-142" style="[^"]+">View in Jira<\/a>/,
      );
      expect(html).toContain('Sent from Jira with Issue Mailer by Jordan Lee.');
    },
  );

  it('names the notification rule in the footer of a rule email, and the person otherwise', async () => {
    const { html } = await renderEmail(BUILT_IN_TEMPLATE, issueData({ rule: { name: 'Escalations' } }));
    expect(html).toContain('Sent by the notification rule "Escalations" in Issue Mailer. The details above');
    expect(html).not.toContain('Sent from Jira with Issue Mailer by');
  });

  it('inlines its styles, with bgcolor for Outlook and the @media rules kept for phones', async () => {
    const { html } = await renderEmail(BUILT_IN_TEMPLATE, issueData());
    expect(count(html, '<style>')).toBe(1);
    expect(html).toMatch(
      /<style>\n@media only screen and \(max-width: 600px\) \{[^<]*\.button \{\n {4}display: block !important;/,
    );
    expect(html).toMatch(/<td class="card" style="[^"]*background-color: #ffffff;[^"]*" bgcolor="#ffffff">/);
    expect(html).toMatch(
      /<td class="button-cell" style="background-color: #0052cc; border-radius: 3px;" bgcolor="#0052cc">/,
    );
    expect(html).toContain(
      '<table role="presentation" class="container" cellpadding="0" cellspacing="0" border="0" style="width: 100%; max-width: 640px;"',
    );
    expect(html).toContain(
      '<!--[if mso]><table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->',
    );
    expect(html).not.toMatch(/display:\s*(flex|grid)/);
  });

  it('shows the rows an issue has, "Unassigned" for no assignee, and no empty sections', async () => {
    const data = issueData({
      issue: {
        assignee: undefined,
        dueDate: undefined,
        labels: [],
        priority: undefined,
        descriptionHtml: undefined,
        project: undefined,
      },
      message: '',
      attachments: [],
      include: { fields: true, description: true, comments: 'none', latestComments: 3 },
    });
    const { html } = await renderEmail(BUILT_IN_TEMPLATE, data);
    expect(html).toMatch(/>Assignee<\/td><td class="field-value" style="[^"]+" valign="top">Unassigned<\/td>/);
    for (const gone of [
      '>Due date<',
      '>Labels<',
      '>Priority<',
      '>Description<',
      '>Attached files<',
      'class="note"',
      '>Web Shop',
    ]) {
      expect(html).not.toContain(gone);
    }
    expect(html).toContain('>Bug</div>');
  });

  it('escapes everything that comes from Jira or the sender', async () => {
    const data = issueData({
      issue: {
        summary: '<script>alert(1)</script>',
        assignee: '<b>Eve</b>',
        project: { key: 'X', name: '"><img src=x>' },
      },
      sender: { name: '<i>Mallory</i>', mailbox: 'm@contoso.com' },
      message: '<a href="javascript:x">click</a>',
      attachments: [{ filename: '<svg onload=x>.png', size: 10 }],
    });
    const { html } = await renderEmail(BUILT_IN_TEMPLATE, data);
    expect(html).not.toMatch(/<script|<b>Eve|<i>Mallory|<svg|<img src=x|href="javascript/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<title>[SHOP-142] &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('&#34;&gt;&lt;img src=x&gt; · Bug</div>');
  });
});
