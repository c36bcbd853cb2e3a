// The bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the
// typed invoke's module loads.
import './support/context-bridge';

import type { ResolverResult } from '../../../src/contract/result';
import { batchedParts, type PartAnswers } from '../../../static/shared/batched-parts';
import { UNREACHABLE } from '../../../static/shared/typed-invoke';

interface Parts {
  a: number;
  b: string;
  c: boolean;
}

/** A backend that answers each part it is asked for, and records each call's parts. */
const backend = (answer?: (parts: Array<keyof Parts>) => ResolverResult<PartAnswers<Parts>>) => {
  const calls: Array<Array<keyof Parts>> = [];
  const values: Parts = { a: 1, b: 'two', c: true };
  const fetchParts = async (parts: Array<keyof Parts>) => {
    calls.push(parts);
    return (
      answer?.(parts) ?? {
        ok: true as const,
        data: Object.fromEntries(parts.map((part) => [part, { ok: true, data: values[part] }])),
      }
    );
  };
  return { calls, load: batchedParts<Parts>(fetchParts) };
};

describe('batchedParts', () => {
  it('asks for the parts of one turn in one call, each once, and answers each asker its part', async () => {
    const { calls, load } = backend();
    const answers = await Promise.all([load('b'), load('a'), load('b')]);
    expect(calls).toEqual([['b', 'a']]);
    expect(answers).toEqual([
      { ok: true, data: 'two' },
      { ok: true, data: 1 },
      { ok: true, data: 'two' },
    ]);
  });

  it('makes a call per turn: what is asked after an answer goes in a call of its own', async () => {
    const { calls, load } = backend();
    await load('a');
    await Promise.all([load('c'), load('a')]);
    await load('a');
    expect(calls).toEqual([['a'], ['c', 'a'], ['a']]);
  });

  it('waits for the synchronous asks of the turn only, not for a later timer', async () => {
    const { calls, load } = backend();
    const first = load('a');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = load('b');
    await Promise.all([first, second]);
    expect(calls).toEqual([['a'], ['b']]);
  });

  it("answers every part with a call's refusal, and a part the answer leaves out as unreachable", async () => {
    const refused = { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' };
    const whole = backend(() => ({ ok: false, error: refused }));
    expect(await Promise.all([whole.load('a'), whole.load('b')])).toEqual([
      { ok: false, error: refused },
      { ok: false, error: refused },
    ]);

    const partly = backend(() => ({ ok: true, data: { a: { ok: false, error: refused } } }));
    expect(await Promise.all([partly.load('a'), partly.load('c')])).toEqual([
      { ok: false, error: refused },
      { ok: false, error: UNREACHABLE },
    ]);
  });
});
