import { incomingMark } from '../../jira/incoming-marks';
import type { IncomingMessage } from '../../mail-model/incoming-message';
import { safeErrorLabel } from '../../shared/error-names';
import { recordTarget } from '../records/claim-message';
import { composeBody, type PreparedContent } from './message-body';
import { chooseReporter, createWithReporter, issueSummary } from './new-issue-fields';
import type { ProcessDeps } from './ports';
import { type RunState, uploadContext, type WriteResult } from './run-state';
import { uploadAttachments } from './upload-attachments';

export interface IssuePlace {
  projectKey: string;
  issueTypeId: string;
}

/**
 * Copies the attachments to the new issue and, when inline images were among them and Jira can be asked to, shows
 * them in place in the description. The issue exists already and its claim names it: a failure here must not
 * make the message "failed" (a "Process again" would create a second issue), so it is logged and the issue stays.
 */
const completeIssue = async (
  message: IncomingMessage,
  prepared: PreparedContent,
  issueKey: string,
  deps: ProcessDeps,
): Promise<void> => {
  try {
    const uploads = await uploadAttachments(uploadContext(message, issueKey, deps), prepared);
    if (uploads.inlineImages.size === 0 || deps.jira.updateDescription === undefined) return;
    const description = composeBody(message, prepared.content, (id) => uploads.inlineImages.get(id), deps.timeZone);
    await deps.jira.updateDescription(issueKey, description);
  } catch (error) {
    deps.log.warn(`incoming mail: attachments of new issue ${issueKey} not all copied: ${safeErrorLabel(error)}`);
  }
};

/**
 * Creates an issue from the message in the handler's project: the target (the project) is recorded first, so a
 * run after a crash looks for the issue's mark there; then the issue with its mark in one request, reported by
 * the sender's Jira user or the handler's default reporter (neither, if Jira refuses the reporter field). Inline
 * images can only be uploaded to an issue that exists, so the description first shows their alt text.
 */
export const writeIssue = async (
  message: IncomingMessage,
  prepared: PreparedContent,
  place: IssuePlace,
  state: RunState,
  deps: ProcessDeps,
): Promise<WriteResult> => {
  const targeted = await recordTarget(deps.records, state.record, { kind: 'issue', key: place.projectKey }, deps.now());
  if (targeted === undefined) return { kind: 'superseded' };
  state.record = targeted;
  const reporterAccountId = await chooseReporter(message.from?.address ?? '', deps.handler, deps.jira);
  const created = await createWithReporter(
    {
      projectKey: place.projectKey,
      issueTypeId: place.issueTypeId,
      summary: issueSummary(message.subject),
      description: composeBody(message, prepared.content, () => undefined, deps.timeZone),
      ...(reporterAccountId === undefined ? {} : { reporterAccountId }),
      property: incomingMark(targeted.messageKey),
    },
    deps.jira,
  );
  state.written = true;
  if (created.reporterRefused) deps.log.warn(`incoming mail: reporter refused; ${created.key} reported by the app`);
  await completeIssue(message, prepared, created.key, deps);
  return { kind: 'written', outcome: { status: 'created', issueKey: created.key } };
};
