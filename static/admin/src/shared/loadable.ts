import type { ResolverError, ResolverResult } from '../../../../src/contract';

/** Data a section loads: still loading, refused with the resolver's error, or there. */
export type Loadable<T> =
  { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded'; data: T };

export const loadableOf = <T>(result: ResolverResult<T>): Loadable<T> =>
  result.ok ? { state: 'loaded', data: result.data } : { state: 'failed', error: result.error };
