import type { DiagnosisStep, RequiredPermission } from '../../../contract/credential-health';
import { step } from '../../../credentials/diagnosis/step';
import { GraphError, GraphErrorCode } from '../graph/errors';
import { graphErrorGuidance } from '../graph/graph-guidance';
import { type GraphReadDeps, type GraphUser, readInbox, readUser } from '../graph/mailbox-reader';

export const MailboxCode = {
  /** The mailbox could not be read because Mail.ReadWrite is missing: neither fine nor known to be broken. */
  ReadNotPermitted: 'MAILBOX_READ_NOT_PERMITTED',
} as const;

const NOT_FOUND_REASONS = new Set(['directory-object-not-found', 'invalid-user', 'not-found']);
const DIRECTORY_DENIED_REASONS = new Set(['directory-access-denied', 'access-denied', 'forbidden']);

const labelOf = (mailbox: string, user: GraphUser | undefined): string =>
  user?.displayName ? `${mailbox} (${user.displayName})` : mailbox;

/**
 * Tells apart what can be wrong with the sender mailbox before any mail is sent: `GET /users/{sender}` finds the
 * user (or says there is none), then a harmless inbox read meets Exchange's own answers: mailbox not enabled for
 * REST, an application access policy or RBAC for Applications keeping the app out, or access without
 * Mail.ReadWrite. `granted` is what the token carries, when known.
 */
export const mailboxStep = async (
  mailbox: string,
  accessToken: string,
  deps: GraphReadDeps,
  granted: ReadonlySet<RequiredPermission> | undefined,
): Promise<DiagnosisStep> => {
  const fail = (error: GraphError, operation: 'read-user' | 'read-mailbox'): DiagnosisStep =>
    step('mailbox', 'failed', graphErrorGuidance(error, { operation, mailbox }), error.code);

  let user: GraphUser | undefined;
  try {
    user = await readUser(mailbox, accessToken, deps);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    if (error.reason !== undefined && NOT_FOUND_REASONS.has(error.reason)) {
      return step(
        'mailbox',
        'failed',
        graphErrorGuidance(error, { operation: 'read-user', mailbox }),
        GraphErrorCode.MailboxNotFound,
      );
    }
    // Without User.Read.All the directory stays closed; the mailbox read below still tells the rest.
    if (error.reason === undefined || !DIRECTORY_DENIED_REASONS.has(error.reason)) return fail(error, 'read-user');
  }

  try {
    await readInbox(mailbox, accessToken, deps);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    if (error.reason === 'access-denied' && granted !== undefined && !granted.has('Mail.ReadWrite')) {
      return step(
        'mailbox',
        'warning',
        `Could not look into ${mailbox}: the app lacks the Mail.ReadWrite application permission, so whether Exchange ` +
          'lets it use this mailbox is unknown. Grant Mail.ReadWrite with admin consent, or send a test email to check.',
        MailboxCode.ReadNotPermitted,
      );
    }
    if (error.reason !== undefined && NOT_FOUND_REASONS.has(error.reason)) {
      return step(
        'mailbox',
        'failed',
        graphErrorGuidance(error, { operation: 'read-mailbox', mailbox }),
        GraphErrorCode.MailboxNotFound,
      );
    }
    return fail(error, 'read-mailbox');
  }
  return step('mailbox', 'passed', `${labelOf(mailbox, user)} is an Exchange Online mailbox this app may use.`);
};
