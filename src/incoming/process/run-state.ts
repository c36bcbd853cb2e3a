import type { IncomingMessage } from '../../mail-model/incoming-message';
import type { FinalOutcome } from '../records/claim-message';
import type { IncomingRecord } from '../records/incoming-record';
import { type AttachmentFilters, DEFAULT_ATTACHMENT_FILTERS } from './attachment-filters';
import type { ProcessDeps } from './ports';

/** The claim as this run last wrote it: every write is conditional on its version. */
export interface RunState {
  record: IncomingRecord;
  /**
   * Jira has the issue or comment. From then on no failure may end the message as failed ("Process again" would
   * write it twice): the job is retried, and the next run finds the write by its mark.
   */
  written?: boolean;
}

/** A Jira write's end: written, or the claim was taken over by another run (which then writes instead). */
export type WriteResult =
  { kind: 'written'; outcome: Extract<FinalOutcome, { status: 'created' | 'commented' }> } | { kind: 'superseded' };

export const attachmentFilters = (deps: Pick<ProcessDeps, 'attachmentFilters'>): AttachmentFilters => ({
  ...DEFAULT_ATTACHMENT_FILTERS,
  ...deps.attachmentFilters,
});

export const uploadContext = (message: IncomingMessage, issueKey: string, deps: ProcessDeps) => ({
  mailbox: deps.mailbox,
  messageId: message.id,
  issueKey,
  jira: deps.jira,
  filters: attachmentFilters(deps),
  log: deps.log,
});
