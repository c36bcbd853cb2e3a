import { previewIssueEmailSchema } from '../../contract/issue-email';
import { getEmailDraft } from '../../mail/email-draft';
import { listIssueEmailHistory } from '../../mail/issue-email-history';
import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { previewIssueEmail } from '../../mail/preview-issue-email';
import { issueKeyFromContext } from '../issue-context';
import { resolverFunction } from '../resolver-kit';
import { callerFromContext, type IssueActionHandlers, noPayload, onIssue } from './on-issue';

/** What composing an email reads: the issue, its people, templates, settings and history; not Graph, not the outbox. */
export type ComposeDeps = Pick<
  IssueEmailDeps,
  'credentials' | 'jira' | 'templates' | 'readSettings' | 'checkPermission' | 'mayBrowseUsers' | 'history'
>;

/** The dialog as it opens and as the user writes the email: its draft, preview and the issue's email history. */
export const composeFunctions = (
  deps: ComposeDeps,
): Pick<IssueActionHandlers, 'getEmailDraft' | 'previewIssueEmail' | 'listEmailHistory'> => ({
  getEmailDraft: resolverFunction({
    ...onIssue,
    name: 'getEmailDraft',
    schema: noPayload,
    run: (_input, request) => getEmailDraft(issueKeyFromContext(request), callerFromContext(request), deps),
  }),
  previewIssueEmail: resolverFunction({
    ...onIssue,
    name: 'previewIssueEmail',
    schema: previewIssueEmailSchema,
    run: (input, request) => previewIssueEmail(issueKeyFromContext(request), input, callerFromContext(request), deps),
  }),
  listEmailHistory: resolverFunction({
    ...onIssue,
    name: 'listEmailHistory',
    schema: noPayload,
    run: (_input, request) => listIssueEmailHistory(issueKeyFromContext(request), deps),
  }),
});
