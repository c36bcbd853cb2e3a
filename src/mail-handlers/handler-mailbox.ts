import type {
  HandlerCheck,
  HandlerCheckFailure,
  HandlerFolderState,
  HandlerSubscriptionState,
} from '../contract/mail-handlers';

/** The mailbox a handler reads: the credential that signs in, and the mailbox's address. */
export interface MailboxTarget {
  credentialId: string;
  /** The handler's mailbox, or its credential's sender mailbox. */
  mailbox: string;
}

/** A port's answer: its data, or why there is none (never a thrown error for an expected refusal). */
export type MailboxAnswer<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      reason: HandlerCheckFailure;
      requestId?: string;
      /** The provider's own words for the reason, when it has some; the defaults below otherwise. */
      message?: string;
    };

/**
 * What mail handlers need from the mail service: the port each provider implements (src/providers/; the
 * composition root plugs it in). Each method answers `{ ok: false, reason }` for what the service refuses (404 mailbox or
 * folder, 403, 5xx after retries) and throws only for a bug.
 */
export interface HandlerMailbox {
  /** The folder a handler reads, by display name (Inbox, or one at the mailbox's top), with its counts. */
  folderCounts: (target: MailboxTarget, folder: string) => Promise<MailboxAnswer<HandlerFolderState>>;
  /** Finds the folder processed messages move to, or creates it where processing looks for it. */
  ensureFolder: (target: MailboxTarget, displayName: string) => Promise<MailboxAnswer<{ created: boolean }>>;
  /**
   * How the handler hears of new mail: its change-notification subscription, as the app stored it and the service
   * last confirmed it, or polling where the service pushes nothing (the target's credential says which).
   */
  subscriptionState: (handlerId: string, target: MailboxTarget) => Promise<MailboxAnswer<HandlerSubscriptionState>>;
}

/** What Test says for each reason a check has no answer, when the provider gave no words of its own. */
export const CHECK_FAILURE_MESSAGES: Readonly<Record<HandlerCheckFailure, string>> = {
  'mailbox-not-found': "The mail service has no such mailbox. Check the mailbox address, or the credential's mailbox.",
  'folder-not-found': 'The mailbox has no folder of that name. Check the folder, for example Inbox.',
  'access-denied': 'The credential may not read this mailbox. Check what the credential is allowed to read.',
  unavailable: 'The mail service did not answer. Try again in a minute.',
};

/** A port's answer as a check Test shows. */
export const checkOf = <T>(answer: MailboxAnswer<T>): HandlerCheck<T> =>
  answer.ok
    ? { ok: true, data: answer.data }
    : { ok: false, reason: answer.reason, message: answer.message ?? CHECK_FAILURE_MESSAGES[answer.reason] };
