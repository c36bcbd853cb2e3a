import { emailIdSchema } from '../../contract/email-log';
import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { issueIdFromContext } from '../issue-context';
import { resolverFunction } from '../resolver-kit';
import { type IssueActionHandlers, onIssue } from './on-issue';

/** The dialog following a queued email: its delivery status, asked again until it is sent or failed. */
export const statusFunctions = (
  deps: Pick<IssueEmailDeps, 'emailLog'>,
): Pick<IssueActionHandlers, 'getEmailStatus'> => ({
  getEmailStatus: resolverFunction({
    ...onIssue,
    name: 'getEmailStatus',
    schema: emailIdSchema,
    run: ({ emailId }, request) => deps.emailLog.deliveryOf(emailId, issueIdFromContext(request)),
  }),
});
