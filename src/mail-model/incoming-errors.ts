import { AppError } from '../shared/app-error';

/**
 * What the incoming processing tells apart in a mail service's failure, whichever service it is:
 * - `gone`: the message, attachment, folder or subscription is not there (moved, deleted or expired);
 * - `too-large`: an attachment's bytes are over the limit the caller set (the download was stopped);
 * - `passing`: throttled, unavailable, unreachable or timed out: worth another run (Retry-After when asked);
 * - `other`: anything else the service refused, recorded as it is.
 */
export type IncomingFailureKind = 'gone' | 'too-large' | 'passing' | 'other';

/** What was looked for when the service said it is not there. */
export type GoneItem = 'message' | 'attachment' | 'folder' | 'subscription';

/**
 * The code the incoming log has always recorded for a message or attachment no longer in the mailbox, whichever
 * service: kept, because stored records and the log's words read it.
 */
export const ITEM_GONE_CODE = 'GRAPH_ITEM_GONE';

/** Likewise for an attachment over the size limit the caller set. */
export const ATTACHMENT_TOO_LARGE_CODE = 'GRAPH_ATTACHMENT_TOO_LARGE';

export interface IncomingMailboxErrorDetails {
  /** For `gone`: what was not there. */
  item?: GoneItem;
  /** For `passing`: the seconds the service asked to wait (Retry-After), when it asked. */
  retryAfterSeconds?: number;
  /** The service's request id of the failed call, for its support. */
  requestId?: string;
  /** A sentence of the app's own for the incoming log, when the provider has one for this failure. */
  logMessage?: string;
  cause?: unknown;
}

/**
 * A mail service's failure as the incoming processing sees it: the provider (src/providers/) turns its service's
 * errors into this. `code` is the service's own stable code, kept so the incoming log records the same reason
 * codes as before; `kind` is what the processing acts on.
 */
export class IncomingMailboxError extends AppError<string> {
  readonly kind: IncomingFailureKind;
  readonly item: GoneItem | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;
  readonly logMessage: string | undefined;

  constructor(code: string, kind: IncomingFailureKind, message: string, details: IncomingMailboxErrorDetails = {}) {
    super('IncomingMailboxError', code, message, details);
    this.kind = kind;
    this.item = details.item;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.requestId = details.requestId;
    this.logMessage = details.logMessage;
  }
}

export const isIncomingFailure = (error: unknown, kind: IncomingFailureKind): error is IncomingMailboxError =>
  error instanceof IncomingMailboxError && error.kind === kind;
