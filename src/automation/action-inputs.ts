import * as z from 'zod/mini';

import { quoteInput as quote, readActionRecipients } from '../contract/automation-recipients';
import type { RecipientRole } from '../contract/notification-rules';
import { ISSUE_KEY_PATTERN } from '../jira/issue-key';
import { ActionInputError } from './errors';

/** What Automation passes: the configured inputs with smart values resolved (all strings; absent when unset). */
const payloadSchema = z.object({
  issueKey: z.optional(z.nullable(z.string())),
  recipients: z.optional(z.nullable(z.string())),
  template: z.optional(z.nullable(z.string())),
  mailbox: z.optional(z.nullable(z.string())),
  message: z.optional(z.nullable(z.string())),
});

export interface ActionInputs {
  issueKey: string;
  addresses: string[];
  roles: RecipientRole[];
  template: string | undefined;
  mailbox: string | undefined;
  message: string;
}

const optional = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};

/**
 * Reads the action's inputs and says what is wrong in words a rule author can act on. Recipients are addresses
 * and the words reporter, assignee and watchers, separated by commas, semicolons or new lines.
 */
export const parseActionInputs = (payload: unknown): ActionInputs => {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success)
    throw new ActionInputError(
      'The action received inputs it does not know. Open the action in the rule and save it again.',
    );
  const typed = parsed.data.issueKey?.trim() ?? '';
  const issueKey = typed.toUpperCase();
  if (issueKey === '')
    throw new ActionInputError('"Issue" is empty: set it to {{issue.key}} so the action emails the rule\'s issue.');
  if (!ISSUE_KEY_PATTERN.test(issueKey)) {
    throw new ActionInputError(
      `"Issue" must be an issue key such as DEMO-12 (usually {{issue.key}}), not ${quote(typed)}.`,
    );
  }
  const recipients = readActionRecipients(parsed.data.recipients ?? '', 'resolved');
  if (!recipients.ok) throw new ActionInputError(recipients.message);
  const { roles, addresses } = recipients.value;
  return {
    issueKey,
    addresses,
    roles,
    template: optional(parsed.data.template),
    mailbox: optional(parsed.data.mailbox),
    message: (parsed.data.message ?? '').slice(0, 20_000),
  };
};
