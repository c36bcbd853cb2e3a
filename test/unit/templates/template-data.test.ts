import { SafeHtml } from '../../../src/templates/liquid-engine';
import { renderEmail } from '../../../src/templates/render-email';
import { buildTemplateContext, sizeLabel } from '../../../src/templates/template-data';
import { issueData } from './template-fixtures';

describe('buildTemplateContext', () => {
  it('gives an issue without optional fields nil values, so {% if %} and default work', async () => {
    const data = issueData({
      issue: {
        status: undefined,
        issueType: undefined,
        priority: undefined,
        assignee: undefined,
        reporter: ' ',
        created: undefined,
        updated: undefined,
        dueDate: undefined,
        labels: [],
        components: [],
        project: undefined,
        descriptionHtml: '<script>only()</script>',
      },
      message: ' \n ',
    });
    const { issue, message, message_html } = buildTemplateContext(data);
    expect(issue).toEqual({
      key: 'SHOP-142',
      summary: 'Checkout fails for saved cards',
      url: 'https://your-domain.atlassian.net/browse/SHOP-142',
      status: undefined,
      type: undefined,
      priority: undefined,
      assignee: undefined,
      reporter: undefined,
      created: undefined,
      updated: undefined,
      due_date: undefined,
      labels: undefined,
      label_list: [],
      components: undefined,
      component_list: [],
      project: undefined,
      description_html: undefined,
    });
    expect(message).toBeUndefined();
    expect(message_html).toBeUndefined();
    const { html } = await renderEmail(
      {
        subject: 'x',
        body: '{{ issue.assignee | default: "Unassigned" }}|{% if issue.description_html %}d{% endif %}|{% if message_html %}m{% endif %}',
      },
      data,
    );
    expect(html).toBe('Unassigned||');
  });

  it('formats dates in the sender’s time zone and the due date as a day', () => {
    const { issue, comments } = buildTemplateContext(issueData({ timeZone: 'Europe/Berlin' }));
    expect([issue.created, issue.updated, issue.due_date, comments[0]?.created]).toEqual([
      '8 Mar 2024, 11:22 (Europe/Berlin)',
      '11 Mar 2024, 17:05 (Europe/Berlin)',
      '20 Mar 2024',
      '11 Mar 2024, 17:05 (Europe/Berlin)',
    ]);
  });

  it('leaves the description out when the sender did', () => {
    const context = buildTemplateContext(
      issueData({ include: { fields: true, description: false, comments: 'none', latestComments: 3 } }),
    );
    expect(context.issue.description_html).toBeUndefined();
    expect(context.include).toEqual({ fields: true, description: false, comments: 'none', latest_comments: 3 });
  });

  it.each([
    ['none', 5, []],
    ['latest', 1, ['Ada Lovelace']],
    ['latest', 5, ['Ada Lovelace', 'Grace Hopper']],
    ['all', 1, ['Ada Lovelace', 'Grace Hopper']],
  ] as const)('shows no more comments than chosen (%s, %i)', (comments, latestComments, authors) => {
    const context = buildTemplateContext(
      issueData({ include: { fields: true, description: true, comments, latestComments } }),
    );
    expect(context.comments.map((comment) => comment.author)).toEqual(authors);
  });

  it('sanitizes comments and the description into SafeHtml, embedding the images the email carries', () => {
    const data = issueData({
      issue: {
        descriptionHtml: '<p onclick="x()">See <img src="/rest/api/3/attachment/content/10010" alt="shot"></p>',
      },
      comments: [
        {
          author: 'Ada',
          created: '2024-03-11T16:05:00.000+0000',
          bodyHtml: '<img src="/secure/attachment/10011/a.png"><b>ok</b>',
        },
      ],
      inlineImages: new Map([['10010', 'image-10010@issue-mailer']]),
    });
    const context = buildTemplateContext(data);
    expect(context.issue.description_html).toBeInstanceOf(SafeHtml);
    expect(context.issue.description_html?.html).toBe('<p>See <img src="cid:image-10010@issue-mailer" alt="shot"></p>');
    expect(context.comments[0]?.body_html.html).toBe('<b>ok</b>');
  });

  it('lists the attached files with readable sizes', () => {
    const context = buildTemplateContext(
      issueData({
        attachments: [
          { filename: 'a <b>.txt', size: 1 },
          { filename: 'big.zip', size: 5_347_737 },
        ],
      }),
    );
    expect(context.attachments).toEqual([
      { filename: 'a <b>.txt', size: 1, size_label: '1 byte' },
      { filename: 'big.zip', size: 5_347_737, size_label: '5.1 MB' },
    ]);
  });

  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1.0 KB'],
    [10 * 1024 - 1, '10.0 KB'],
    [10 * 1024, '10 KB'],
    [1024 * 1024 - 1, '1024 KB'],
    [1024 * 1024, '1.0 MB'],
    [150 * 1024 * 1024, '150.0 MB'],
  ])('sizeLabel(%i) is %j', (bytes, label) => {
    expect(sizeLabel(bytes)).toBe(label);
  });

  it('takes the site without a trailing slash', () => {
    const context = buildTemplateContext(issueData({ siteUrl: 'https://example.atlassian.net/' }));
    expect([context.site.url, context.issue.url]).toEqual([
      'https://example.atlassian.net',
      'https://example.atlassian.net/browse/SHOP-142',
    ]);
  });
});
