import type { EntityProperty } from '../../jira/incoming-writes';

/**
 * The entity property the app writes with every issue and comment it makes from a message, in the same request
 * (src/jira/incoming-writes.ts): `{ messageKey }`, the record key (the SHA-256 of the Message-ID), so a run that
 * died after Jira's write finds the write again (findMarkedIssue, findMarkedComment) instead of writing twice.
 */
export const INCOMING_MARK_PROPERTY = 'issue-mailer-incoming';

export const incomingMark = (messageKey: string): EntityProperty => ({
  key: INCOMING_MARK_PROPERTY,
  value: { messageKey },
});
