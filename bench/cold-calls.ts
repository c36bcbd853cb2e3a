/**
 * Cold invocations as a person meets them: a fresh process per invocation (as Forge starts a container), timing the
 * bundle's load and then the call itself, which includes every chunk the call loads on first use (the admin page's
 * section, the dialog's parts, the template engine, @forge/events) and the local kvs and emulators it talks to. The
 * load figures elsewhere in the bench leave chunks out; these put them back. Timed by the child itself
 * (local/host/runtime/child-invoke-run.ts: `loadMs`, `invocationMs`), so process start-up is not in them.
 */
import type { ChildInvokeOutcome } from '../local/host/runtime';
import { seededRandom } from '../local/shared/seeded-random';
import { shuffled } from './shuffled';
import { type Spread, spreadOf } from './stats';

export interface ColdCallFigures {
  /** What a person does, e.g. "open the dialog (getEmailDraft)". */
  call: string;
  functionKey: string;
  /** Requiring the handler's bundle. */
  loadMs: Spread;
  /** The handler's work, chunks loaded on first use included. */
  callMs: Spread;
  /** Load and call, per invocation. */
  totalMs: Spread;
  /** Invocations that failed; their times are left out. */
  failures: number;
}

export interface ColdCallSpec {
  call: string;
  functionKey: string;
  invoke: () => Promise<ChildInvokeOutcome>;
}

/** The handler returned, and a resolver's answer (`{ ok, data | error }`) is not an error: a call worth timing. */
const answered = (outcome: ChildInvokeOutcome): boolean => {
  if (!outcome.answer.ok) return false;
  const result: unknown = outcome.answer.result;
  return !(typeof result === 'object' && result !== null && 'ok' in result && result.ok === false);
};

/** Figures of one kind of call from its invocations' own timings; failed invocations are counted, not timed. */
export const coldCallFigures = (
  call: string,
  functionKey: string,
  outcomes: readonly ChildInvokeOutcome[],
): ColdCallFigures => {
  const timed = outcomes.filter(answered);
  return {
    call,
    functionKey,
    loadMs: spreadOf(timed.map((outcome) => outcome.answer.loadMs)),
    callMs: spreadOf(timed.map((outcome) => outcome.answer.invocationMs)),
    totalMs: spreadOf(timed.map((outcome) => outcome.answer.loadMs + outcome.answer.invocationMs)),
    failures: outcomes.length - timed.length,
  };
};

/**
 * `rounds` rounds, each making every call once in a shuffled order, so that a busier moment of the machine falls
 * on all of them alike (as load-times.ts does for loads). The calls must leave nothing behind that changes the
 * next one's work: reads, not sends.
 */
export const measureColdCalls = async (specs: readonly ColdCallSpec[], rounds: number): Promise<ColdCallFigures[]> => {
  const random = seededRandom(20_261_206);
  const outcomes = new Map<ColdCallSpec, ChildInvokeOutcome[]>(specs.map((spec) => [spec, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const spec of shuffled(specs, random)) outcomes.get(spec)?.push(await spec.invoke());
  }
  return specs.map((spec) => coldCallFigures(spec.call, spec.functionKey, outcomes.get(spec) ?? []));
};
