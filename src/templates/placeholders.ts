import type { PlaceholderDoc } from '../contract/templates';

/*
 * Imported by the admin page as well as the backend: no imports beyond contract types. Each example is what the
 * placeholder renders for the sample issue (sample-issue.ts); placeholders.test.ts renders every entry to keep
 * them true.
 */

/** Loop variables the reference documents, and the list each one walks. */
export const PLACEHOLDER_LOOPS: Readonly<Record<string, string>> = {
  comment: 'comments',
  attachment: 'attachments',
};

export const PLACEHOLDERS: readonly PlaceholderDoc[] = [
  { name: 'issue.key', description: 'The issue key.', example: 'SHOP-142' },
  { name: 'issue.summary', description: 'The summary.', example: 'Checkout fails for saved cards' },
  {
    name: 'issue.url',
    description: 'The link to the issue in Jira.',
    example: 'https://your-domain.atlassian.net/browse/SHOP-142',
  },
  { name: 'issue.status', description: 'The status.', example: 'In Progress' },
  { name: 'issue.type', description: 'The issue type.', example: 'Bug' },
  { name: 'issue.priority', description: 'The priority; empty when the project has none.', example: 'High' },
  {
    name: 'issue.assignee',
    description: 'The assignee; empty when unassigned (write {{ issue.assignee | default: "Unassigned" }}).',
    example: 'Ada Lovelace',
  },
  { name: 'issue.reporter', description: 'The reporter.', example: 'Grace Hopper' },
  {
    name: 'issue.created',
    description: 'When the issue was created, in the sender’s time zone.',
    example: '8 Mar 2024, 10:22 UTC',
  },
  {
    name: 'issue.updated',
    description: 'When the issue was last updated, in the sender’s time zone.',
    example: '11 Mar 2024, 16:05 UTC',
  },
  { name: 'issue.due_date', description: 'The due date; empty when none is set.', example: '20 Mar 2024' },
  { name: 'issue.labels', description: 'The labels, separated by commas.', example: 'checkout, payments' },
  {
    name: 'issue.label_list',
    description: 'The labels as a list, to loop over: {% for label in issue.label_list %}.',
    example: 'checkout, payments',
  },
  { name: 'issue.components', description: 'The components, separated by commas.', example: 'Web shop' },
  {
    name: 'issue.component_list',
    description: 'The components as a list, to loop over: {% for component in issue.component_list %}.',
    example: 'Web shop',
  },
  { name: 'issue.project.key', description: 'The project key.', example: 'SHOP' },
  { name: 'issue.project.name', description: 'The project name.', example: 'Web Shop' },
  {
    name: 'issue.description_html',
    description:
      'The description as Jira shows it, made safe for email (images only when embedded). Empty when the sender left the description out.',
    example: '<p>Customers who pay with a <strong>saved card</strong> get "Payment could not be processed".</p>…',
    html: true,
  },
  {
    name: 'comments.size',
    description:
      'How many comments the sender chose to include; loop over them, newest first, with {% for comment in comments %}.',
    example: '2',
  },
  {
    name: 'comment.author',
    description: 'Inside {% for comment in comments %}: who wrote the comment.',
    example: 'Ada Lovelace',
  },
  {
    name: 'comment.created',
    description: 'Inside {% for comment in comments %}: when it was written, in the sender’s time zone.',
    example: '11 Mar 2024, 16:05 UTC',
  },
  {
    name: 'comment.body_html',
    description: 'Inside {% for comment in comments %}: the comment as Jira shows it, made safe for email.',
    example: '<p>Reproduced on staging: the gateway answers <code>card_token_expired</code>.</p>',
    html: true,
  },
  {
    name: 'attachments.size',
    description: 'How many files are attached to the email; loop over them with {% for attachment in attachments %}.',
    example: '2',
  },
  {
    name: 'attachment.filename',
    description: 'Inside {% for attachment in attachments %}: the file name.',
    example: 'checkout-error.png',
  },
  {
    name: 'attachment.size_label',
    description: 'Inside {% for attachment in attachments %}: the file size.',
    example: '82 KB',
  },
  { name: 'sender.name', description: 'The Jira user sending the email.', example: 'Jordan Lee' },
  { name: 'sender.mailbox', description: 'The mailbox the email is sent from.', example: 'jira@contoso.com' },
  {
    name: 'message',
    description:
      'The sender’s message as plain text (HTML joins its lines: use message_html in the body); empty when they wrote none.',
    example: 'Hi team,\nCould you look at this before the release on Friday?',
  },
  {
    name: 'message_html',
    description: 'The sender’s message with its line breaks; empty when they wrote none.',
    example: 'Hi team,<br>\nCould you look at this before the release on Friday?',
    html: true,
  },
  { name: 'include.fields', description: 'true when the sender chose to include the issue’s fields.', example: 'true' },
  {
    name: 'include.description',
    description: 'true when the sender chose to include the description.',
    example: 'true',
  },
  { name: 'include.comments', description: 'Which comments the sender chose: none, latest or all.', example: 'latest' },
  {
    name: 'include.latest_comments',
    description: 'How many of the latest comments, when that was the choice.',
    example: '2',
  },
  { name: 'site.url', description: 'The Jira site.', example: 'https://your-domain.atlassian.net' },
  {
    name: 'rule.name',
    description: 'The notification rule that sends the email; empty when a person or Automation sends it.',
    example: 'Escalations to the service desk',
  },
];

/**
 * Liquid that shows a placeholder's value: `{{ name }}`; inside its loop (first item) for a loop variable; joined
 * with commas for a list.
 */
export const placeholderSnippet = (name: string): string => {
  const root = name.split('.')[0] ?? name;
  const list = PLACEHOLDER_LOOPS[root];
  if (list !== undefined) return `{% for ${root} in ${list} limit: 1 %}{{ ${name} }}{% endfor %}`;
  if (name.endsWith('_list')) return `{{ ${name} | join: ", " }}`;
  return `{{ ${name} }}`;
};
