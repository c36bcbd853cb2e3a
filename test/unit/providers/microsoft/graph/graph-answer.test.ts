import { graphAnswer } from '../../../../../src/providers/microsoft/graph/graph-request';
import type { FetchLike } from '../../../../../src/shared/seams';
import { GRAPH, staticToken } from './graph-fakes';

/** A fetch that answers at once and keeps the signal it was given. */
const keepingSignal = () => {
  const seen: { signal?: AbortSignal } = {};
  const fetch: FetchLike = async (_url, init) => {
    seen.signal = init.signal ?? undefined;
    return new Response('x', { status: 200 });
  };
  return { fetch, seen };
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an accepted answer left unread', () => {
  it.each([
    ['times the body by default', {}, true],
    ['leaves the body untimed when told, for a streamed download', { timeBody: false }, false],
  ])('%s', async (_name, options, abortedLater) => {
    const { fetch, seen } = keepingSignal();
    const deps = { fetch, tokenProvider: staticToken(), timeoutMs: 20, env: {} };
    const answer = await graphAnswer({ method: 'GET', url: `${GRAPH}/x`, expect: [200] }, deps, options);
    expect(answer).toMatchObject({ status: 200, attempts: 1 });
    await wait(60);
    expect(seen.signal?.aborted).toBe(abortedLater);
    expect(await answer.response.text()).toBe('x');
  });
});
