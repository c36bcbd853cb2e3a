import type { ResolverResult } from '../../src/contract/result';
import { UNREACHABLE } from './typed-invoke';

/** Each part asked for, answered on its own (or the part left out). */
export type PartAnswers<P> = { [K in keyof P]?: ResolverResult<P[K]> };

/** One resolver call for a set of parts; refused as a whole (not an admin, backend unreachable) or part by part. */
export type FetchParts<P> = (parts: Array<keyof P & string>) => Promise<ResolverResult<PartAnswers<P>>>;

type Waiting<P> = Map<keyof P & string, Array<(answer: ResolverResult<never>) => void>>;

/**
 * Loads parts of a page's data the way a section's hook asks for one (`load(part)`), while the parts asked for in
 * the same turn (synchronously, e.g. by the effects of one render, which run together) go in one resolver call:
 * on Forge each call is an invocation, possibly a cold start. A part asked for twice in a turn is fetched once and
 * both askers get its answer. Never throws: a failed call answers every part with its error.
 */
export const batchedParts = <P>(fetchParts: FetchParts<P>) => {
  let waiting: Waiting<P> | null = null;

  const flush = async (batch: Waiting<P>) => {
    const answer = await fetchParts([...batch.keys()]);
    for (const [part, askers] of batch) {
      const result = answer.ok ? (answer.data[part] ?? { ok: false, error: UNREACHABLE }) : answer;
      for (const resolve of askers) resolve(result as ResolverResult<never>);
    }
  };

  return <K extends keyof P & string>(part: K): Promise<ResolverResult<P[K]>> =>
    new Promise((resolve) => {
      if (waiting === null) {
        const batch: Waiting<P> = new Map();
        waiting = batch;
        // The turn's other asks are in once the code that asked first is done; then the call goes.
        void Promise.resolve().then(() => {
          waiting = null;
          return flush(batch);
        });
      }
      const askers = waiting.get(part) ?? [];
      askers.push(resolve);
      waiting.set(part, askers);
    });
};
