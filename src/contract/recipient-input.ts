import * as z from 'zod/mini';

import { parseEmailAddress } from './email-address';

/** Atlassian account ids: the older 24-hex form and `712020:<uuid>`; opaque, so only their alphabet is checked. */
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9:_-]{1,128}$/;

/**
 * A Jira user picked from the issue (reporter, assignee, watcher) rather than an address: the dialog may not know
 * the address (Jira hides it), so the backend finds it when the email is queued and it goes only into the message.
 */
export interface JiraUserRecipient {
  accountId: string;
}

/** One recipient as the dialog sends it: a typed or picked address (`Jane <jane@example.com>`), or a Jira user. */
export type RecipientInput = string | JiraUserRecipient;

export const isJiraUserRecipient = (recipient: RecipientInput): recipient is JiraUserRecipient =>
  typeof recipient !== 'string';

const addressRecipient = z.string().check(
  z.trim(),
  z.refine((value) => parseEmailAddress(value).ok, { error: 'Enter valid email addresses.' }),
);

const jiraUserRecipient = z.strictObject({
  accountId: z.string().check(z.regex(ACCOUNT_ID_PATTERN, 'Not a Jira account id.')),
});

export const recipientInputSchema = z.union([addressRecipient, jiraUserRecipient]);
