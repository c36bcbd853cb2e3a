/**
 * The envelope every resolver answers with. `message` is always safe to show to the person
 * using the page: fixed texts chosen by the backend, never the text of an unknown exception.
 */
export interface ResolverError {
  code: string;
  message: string;
  /** Per-field messages for validation failures, keyed by the payload's field name. */
  fieldErrors?: Record<string, string>;
}

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

export const ok = <T>(data: T): ResolverResult<T> => ({ ok: true, data });
export const fail = (error: ResolverError): ResolverResult<never> => ({ ok: false, error });
