import { AppError } from '../../../shared/app-error';
import { GraphError } from './errors';

/**
 * What the incoming-mail calls say apart from GraphError's codes (which name sending failures): answers a caller
 * acts on rather than reports. Each keeps the Graph answer it came from (status, Graph's code and request-id).
 */
export const InboundErrorCode = {
  /**
   * The delta position is no longer valid (410 Gone, or `syncStateNotFound` / `resyncRequired`), or the stored link
   * cannot be followed: start a new round from a time, and let the Message-ID dedupe take the overlap.
   */
  DeltaResync: 'GRAPH_DELTA_RESYNC',
  /** The message, attachment, folder or subscription is not there (404): moved, deleted or expired. */
  Gone: 'GRAPH_ITEM_GONE',
  /** An attachment's bytes are over the size limit the caller set; the download was stopped. */
  AttachmentTooLarge: 'GRAPH_ATTACHMENT_TOO_LARGE',
} as const;
export type InboundErrorCode = (typeof InboundErrorCode)[keyof typeof InboundErrorCode];

/** What was looked for when a 404 came back. */
export type GoneItem = 'message' | 'attachment' | 'folder' | 'subscription';

export interface InboundErrorDetails {
  status?: number;
  graphCode?: string;
  requestId?: string;
  clientRequestId?: string;
  item?: GoneItem;
  cause?: unknown;
}

export class InboundGraphError extends AppError<InboundErrorCode> {
  readonly status: number | undefined;
  readonly graphCode: string | undefined;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly item: GoneItem | undefined;

  constructor(code: InboundErrorCode, message: string, details: InboundErrorDetails = {}) {
    super('InboundGraphError', code, message, details);
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.item = details.item;
  }
}

/** The same answer under an inbound code, its ids kept and the GraphError as cause. */
export const asInboundError = (code: InboundErrorCode, error: GraphError, item?: GoneItem): InboundGraphError =>
  new InboundGraphError(code, error.message, {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.graphCode === undefined ? {} : { graphCode: error.graphCode }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    ...(error.clientRequestId === undefined ? {} : { clientRequestId: error.clientRequestId }),
    ...(item === undefined ? {} : { item }),
    cause: error,
  });

/**
 * A plain 404 (Graph's reason `not-found`, e.g. ErrorItemNotFound): the thing asked for is gone. A 404 naming the
 * mailbox (ErrorInvalidUser, MailboxNotEnabledForRESTAPI) is not, and stays a GraphError.
 */
export const isGoneAnswer = (error: unknown): error is GraphError =>
  error instanceof GraphError && error.status === 404 && error.reason === 'not-found';

/** Runs a call, turning a plain 404 into InboundGraphError `GRAPH_ITEM_GONE` for `item`. */
export const goneAs = async <T>(item: GoneItem, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (isGoneAnswer(error)) throw asInboundError(InboundErrorCode.Gone, error, item);
    throw error;
  }
};
