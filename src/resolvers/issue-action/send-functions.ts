import { sendIssueEmailSchema } from '../../contract/issue-email';
import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { sendIssueEmail } from '../../mail/send-issue-email';
import { issueKeyFromContext } from '../issue-context';
import { resolverFunction } from '../resolver-kit';
import { callerFromContext, type IssueActionHandlers, onIssue } from './on-issue';

/** The dialog's send: the email checked again as composing checked it, then queued in the outbox. */
export const sendFunctions = (deps: IssueEmailDeps): Pick<IssueActionHandlers, 'sendIssueEmail'> => ({
  sendIssueEmail: resolverFunction({
    ...onIssue,
    name: 'sendIssueEmail',
    schema: sendIssueEmailSchema,
    run: (input, request) =>
      sendIssueEmail({ issueKey: issueKeyFromContext(request), input, caller: callerFromContext(request) }, deps),
  }),
});
