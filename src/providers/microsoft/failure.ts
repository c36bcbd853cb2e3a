import { GraphErrorCode } from './graph/errors';

/**
 * Graph's failures that pressing "Send" again cannot fix: Microsoft 365 refuses the app or the mailbox, or the
 * credential's Graph address is not Microsoft's. Only an admin can change that (outbox/sender-remedy.ts).
 */
export const GRAPH_CODES_NEEDING_ADMIN: readonly string[] = [
  GraphErrorCode.Unauthorized,
  GraphErrorCode.AccessDenied,
  GraphErrorCode.AppAccessPolicyDenied,
  GraphErrorCode.MailboxNotFound,
  GraphErrorCode.MailboxNotEnabled,
  GraphErrorCode.EndpointNotAllowed,
];
