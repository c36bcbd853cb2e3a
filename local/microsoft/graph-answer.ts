import type { GraphError } from './graph-errors';

/** What a Graph route answers; the router writes it with the request ids and Graph's media type. */
export type Answer =
  | { kind: 'error'; error: GraphError }
  | { kind: 'accepted' }
  | { kind: 'noContent' }
  | { kind: 'json'; body: unknown; headers?: Record<string, string> }
  | { kind: 'created'; body: unknown; headers?: Record<string, string> }
  /** Raw bytes, e.g. an attachment's `$value`. */
  | { kind: 'raw'; contentType: string; body: Buffer };

export const errorAnswer = (error: GraphError): Answer => ({ kind: 'error', error });
