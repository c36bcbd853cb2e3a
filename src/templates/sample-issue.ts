import type { TemplateIssueData } from './template-data';

/**
 * A realistic issue to preview templates with when the admin names none; the placeholder reference's examples
 * are what it renders (placeholders.test.ts holds the two together).
 */
export const SAMPLE_ISSUE_DATA: TemplateIssueData = {
  issue: {
    id: '10042',
    key: 'SHOP-142',
    self: 'https://your-domain.atlassian.net/rest/api/3/issue/10042',
    summary: 'Checkout fails for saved cards',
    status: { name: 'In Progress', categoryKey: 'indeterminate' },
    issueType: 'Bug',
    priority: 'High',
    assignee: 'Ada Lovelace',
    reporter: 'Grace Hopper',
    created: '2024-03-08T10:22:05.000+0000',
    updated: '2024-03-11T16:05:00.000+0000',
    dueDate: '2024-03-20',
    labels: ['checkout', 'payments'],
    components: ['Web shop'],
    project: { key: 'SHOP', name: 'Web Shop' },
    descriptionHtml:
      '<p>Customers who pay with a <strong>saved card</strong> get "Payment could not be processed".</p>' +
      '<ol><li>Sign in and add an item to the cart.</li><li>Choose a saved card and press <em>Pay now</em>.</li></ol>' +
      '<p>New cards work. See <a href="/browse/SHOP-97">SHOP-97</a> for the last change to saved cards.</p>',
  },
  siteUrl: 'https://your-domain.atlassian.net',
  timeZone: 'UTC',
  sender: { name: 'Jordan Lee', mailbox: 'jira@contoso.com' },
  message: 'Hi team,\nCould you look at this before the release on Friday?',
  include: { fields: true, description: true, comments: 'latest', latestComments: 2 },
  comments: [
    {
      author: 'Ada Lovelace',
      created: '2024-03-11T16:05:00.000+0000',
      bodyHtml: '<p>Reproduced on staging: the gateway answers <code>card_token_expired</code>.</p>',
    },
    {
      author: 'Grace Hopper',
      created: '2024-03-09T09:14:00.000+0000',
      bodyHtml: '<p>Happens since the 7 March deployment.</p>',
    },
  ],
  attachments: [
    { filename: 'checkout-error.png', size: 84_213 },
    { filename: 'gateway.log', size: 6_120 },
  ],
};
