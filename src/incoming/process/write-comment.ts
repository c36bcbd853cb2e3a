import { incomingMark } from '../../jira/incoming-marks';
import type { IncomingMessage } from '../../mail-model/incoming-message';
import { recordTarget } from '../records/claim-message';
import type { PreparedContent } from './message-body';
import { composeBody } from './message-body';
import type { ProcessDeps } from './ports';
import type { RunState, WriteResult } from './run-state';
import { uploadContext } from './run-state';
import { uploadAttachments } from './upload-attachments';

/**
 * Comments the message on its issue: the target is recorded first (so a run after a crash looks for the comment's
 * mark), then the attachments go to the issue (the comment shows its inline images from them), then the comment
 * with its mark, in one request.
 */
export const writeComment = async (
  message: IncomingMessage,
  prepared: PreparedContent,
  issueKey: string,
  state: RunState,
  deps: ProcessDeps,
): Promise<WriteResult> => {
  const targeted = await recordTarget(deps.records, state.record, { kind: 'comment', key: issueKey }, deps.now());
  if (targeted === undefined) return { kind: 'superseded' };
  state.record = targeted;
  const uploads = await uploadAttachments(uploadContext(message, issueKey, deps), prepared);
  const body = composeBody(message, prepared.content, (id) => uploads.inlineImages.get(id), deps.timeZone);
  const comment = await deps.jira.addComment(issueKey, body, incomingMark(targeted.messageKey));
  state.written = true;
  return { kind: 'written', outcome: { status: 'commented', issueKey, commentId: comment.id } };
};
