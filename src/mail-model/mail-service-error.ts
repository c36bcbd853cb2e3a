import { AppError } from '../shared/app-error';

/**
 * What a failure of a mail service means for an email, in terms every provider shares; each error class decides it
 * from its own code:
 * - `throttled`: the service limits how fast the mailbox sends; a later attempt works (after Retry-After, if given);
 * - `unavailable`: an outage answered before anything was sent (5xx, an unreachable token endpoint); try again later;
 * - `no-answer`: no answer, or one that could not be read: the email may have gone out;
 * - `daily-limit`: the mailbox reached the service's sending limit for a rolling day;
 * - `slot-missed`: the send never left, as its pacing slot had passed before the request was ready;
 * - `refused`: trying again cannot help (permissions, the mailbox, the message itself).
 */
export type MailServiceFailure = 'throttled' | 'unavailable' | 'no-answer' | 'daily-limit' | 'slot-missed' | 'refused';

export interface MailServiceErrorDetails {
  /** The service's name as an admin knows it (e.g. the API or the token endpoint), for words and log lines. */
  service: string;
  /**
   * Whether the service itself (its API or its token endpoint) gave the failure, which says something about the
   * credential; false for what the app found itself before asking it (a stored key it cannot read, a missed slot).
   */
  answeredByService: boolean;
  /** Seconds the service asked the app to wait (Retry-After). */
  retryAfterSeconds?: number;
  /** The service's id of the failed request, which its support asks for; undefined where it gives none. */
  requestId?: string;
  cause?: unknown;
}

/**
 * A mail service's failure, whichever provider's: the base of each provider's error families, so that the outbox
 * and the warnings classify a failure by what it means (`failure`) without knowing the provider. Codes stay each
 * family's own; the message says method and URL and never holds a token, key or body.
 */
export abstract class MailServiceError<C extends string = string> extends AppError<C> {
  readonly service: string;
  readonly answeredByService: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  protected constructor(name: string, code: C, message: string, details: MailServiceErrorDetails) {
    super(name, code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.service = details.service;
    this.answeredByService = details.answeredByService;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.requestId = details.requestId;
  }

  /** What the failure means for the email (decided from the code by each family). */
  abstract get failure(): MailServiceFailure;
}
