import { invoke } from '@forge/bridge';

import { CommonErrorCode } from '../../src/contract/error-codes';
import type { ResolverError, ResolverResult } from '../../src/contract/result';

/** A resolver contract as src/contract/functions.ts writes them: each key's payload and success data. */
export type FunctionContract<F> = { [K in keyof F]: { payload: unknown; data: unknown } };

export type TypedInvoke<F extends FunctionContract<F>> = <K extends keyof F & string>(
  functionKey: K,
  payload: F[K]['payload'],
) => Promise<ResolverResult<F[K]['data']>>;

/** Shown when the call itself failed (network, platform, a handler crash): nothing more specific is known. */
export const UNREACHABLE: ResolverError = {
  code: CommonErrorCode.Internal,
  message: 'Issue Mailer could not reach its backend. Try again in a moment.',
};

const isResolverError = (value: unknown): value is ResolverError => {
  if (typeof value !== 'object' || value === null) return false;
  const error = value as Record<string, unknown>;
  return typeof error.code === 'string' && typeof error.message === 'string';
};

/** Checks the envelope only; the data's shape is the backend's promise under the shared contract types. */
const asResolverResult = <T>(answer: unknown): ResolverResult<T> => {
  if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
    const result = answer as { ok: unknown; data?: unknown; error?: unknown };
    if (result.ok === true && 'data' in result) return { ok: true, data: result.data as T };
    if (result.ok === false && isResolverError(result.error)) return { ok: false, error: result.error };
  }
  return { ok: false, error: UNREACHABLE };
};

/**
 * The one way a Custom UI calls its resolver: typed by the contract, and never throwing, so a page only has
 * to handle `{ ok: false, error }`.
 */
export const createTypedInvoke =
  <F extends FunctionContract<F>>(): TypedInvoke<F> =>
  async (functionKey, payload) => {
    try {
      const answer: unknown = await invoke(functionKey, payload as Record<string, unknown>);
      return asResolverResult(answer);
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  };
