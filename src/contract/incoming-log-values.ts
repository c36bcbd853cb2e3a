/**
 * What became of a message the app read from a handler's mailbox, as the incoming log shows it. `processing`: a
 * worker has claimed it and may be writing to Jira now (or died doing so; the next run heals it).
 */
export const INCOMING_STATUSES = ['processing', 'created', 'commented', 'ignored', 'held', 'failed'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];

/** Statuses "Process again" applies to; the others are done or in progress. */
export const REPROCESSABLE_STATUSES: readonly IncomingStatus[] = ['held', 'failed'];

/** What the incoming log says of a cursor it cannot use: from a page gone stale, or never its own. */
export const INCOMING_CURSOR_MESSAGE = 'This page of the incoming log is out of date. Start again from the first page.';
