import type { IncomingMessage } from '../../mail-model/incoming-message';
import { classifyNoise } from '../noise/classify-noise';
import type { IncomingRecord } from '../records/incoming-record';
import { findIssue, type IssueMatch } from './find-issue';
import { overHourlyLimit } from './hourly-limit';
import type { ProcessDeps } from './ports';
import { type IgnoreReason, PROCESS_REASONS } from './process-reasons';
import { senderAllowed } from './sender-policy';
import type { IssuePlace } from './write-issue';

/** What to do with a claimed message: leave it (ignored or held, with a reason), comment, or create an issue. */
export type Route =
  | { kind: 'ignored'; reason: IgnoreReason }
  | { kind: 'held'; reason: IgnoreReason }
  | { kind: 'comment'; match: IssueMatch }
  | { kind: 'issue'; place: IssuePlace };

/**
 * The decisions before any Jira write, in the issue's order: noise (loops, reports, automatic mail), the handler's
 * sender policy, the sender's hourly limit (not for "Process again"), then which issue.
 */
export const decideRoute = async (
  message: IncomingMessage,
  record: IncomingRecord,
  options: { applyHourlyLimit: boolean },
  deps: ProcessDeps,
): Promise<Route> => {
  const address = (message.from?.address ?? '').trim();
  const noise = classifyNoise({
    headers: message.internetMessageHeaders,
    from: { name: message.from?.name ?? null, address },
    ownMailboxes: await deps.ownMailboxes(),
  });
  if (noise.noise) return { kind: 'ignored', reason: noise.reason };
  if (address === '') return { kind: 'ignored', reason: PROCESS_REASONS.NoSender };
  if (!(await senderAllowed(deps.handler, address, deps.jira)))
    return { kind: 'ignored', reason: PROCESS_REASONS.RefusedSender };
  if (
    options.applyHourlyLimit &&
    (await overHourlyLimit(deps.records, record, deps.handler.senderHourlyLimit, deps.now()))
  )
    return { kind: 'held', reason: PROCESS_REASONS.SenderHourlyLimit };
  const match = await findIssue(message, deps);
  if (match !== undefined) return { kind: 'comment', match };
  const { mode, projectKey, issueTypeId } = deps.handler;
  if (mode === 'issues-and-comments' && projectKey !== undefined && issueTypeId !== undefined)
    return { kind: 'issue', place: { projectKey, issueTypeId } };
  return { kind: 'ignored', reason: PROCESS_REASONS.NoIssueToReplyTo };
};
