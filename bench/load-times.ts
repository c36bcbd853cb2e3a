/**
 * Cold load time of bundles, each `require`d in a fresh `node` as a Forge cold start does, measured interleaved:
 * every round starts one bare node (nothing required) and one node per bundle, in a shuffled order, so a slower
 * or busier moment of the machine falls on all of them alike. A bundle's figure for a round is its wall time minus
 * the bare node's of the same round; the figures are the median and spread over the rounds.
 */
import { spawnSync } from 'node:child_process';

import { seededRandom } from '../local/shared/seeded-random';
import { shuffled } from './shuffled';
import { type Spread, spreadOf } from './stats';

export interface LoadTarget {
  id: string;
  /** Absolute path of the .cjs to require. */
  file: string;
  /** Checked to be a function after loading, as Forge's runtime looks the handler up. */
  exportName: string;
}

export interface LoadFigures {
  /** Wall milliseconds of `node -e "require(file)"` minus a bare node's, per round. */
  overBareMs: Spread;
  /** Milliseconds the `require` itself took inside the process. */
  requireMs: Spread;
  /** Resident memory after loading minus a bare node's, MiB. */
  rssAddedMiB: Spread;
}

export interface LoadRun {
  rounds: number;
  /** Wall milliseconds of a bare node start (`node -e` printing its memory). */
  bareNodeMs: Spread;
  byTarget: Record<string, LoadFigures>;
}

interface Sample {
  wallMs: number;
  requireMs: number;
  rss: number;
}

const MIB = 1024 * 1024;

const script = (target: LoadTarget | undefined): string => {
  const load = target
    ? `const m = require(${JSON.stringify(target.file)});` +
      `if (typeof m[${JSON.stringify(target.exportName)}] !== 'function') { console.error('no handler'); process.exit(3); }`
    : '';
  // process.exit: a bundle that leaves a timer or socket open must not keep the process (and the bench) waiting.
  return (
    `const t = performance.now();${load}const ms = performance.now() - t;` +
    `process.stdout.write(JSON.stringify({ ms, rss: process.memoryUsage().rss }));process.exit(0);`
  );
};

const runOnce = (target: LoadTarget | undefined): Sample => {
  const code = script(target);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) {
    throw new Error(`loading ${target?.file ?? 'nothing'} failed (${child.status}): ${child.stderr.slice(0, 500)}`);
  }
  const { ms, rss } = JSON.parse(child.stdout) as { ms: number; rss: number };
  return { wallMs, requireMs: ms, rss };
};

/** `rounds` rounds (after one unrecorded warm-up round), each loading every target and a bare node once. */
export const measureLoads = (
  targets: readonly LoadTarget[],
  rounds: number,
  onRound: (done: number) => void = () => undefined,
): LoadRun => {
  const random = seededRandom(20_241_206);
  const order: (LoadTarget | undefined)[] = [undefined, ...targets];
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.id, []]));
  const bare: Sample[] = [];
  for (let round = -1; round < rounds; round += 1) {
    const results = new Map<LoadTarget | undefined, Sample>();
    for (const target of shuffled(order, random)) results.set(target, runOnce(target));
    if (round < 0) continue;
    bare.push(results.get(undefined) as Sample);
    for (const target of targets) samples.get(target.id)?.push(results.get(target) as Sample);
    onRound(round + 1);
  }
  const byTarget: Record<string, LoadFigures> = {};
  for (const target of targets) {
    const own = samples.get(target.id) ?? [];
    byTarget[target.id] = {
      overBareMs: spreadOf(own.map((s, i) => s.wallMs - (bare[i]?.wallMs ?? 0))),
      requireMs: spreadOf(own.map((s) => s.requireMs)),
      rssAddedMiB: spreadOf(own.map((s, i) => (s.rss - (bare[i]?.rss ?? 0)) / MIB)),
    };
  }
  return { rounds, bareNodeMs: spreadOf(bare.map((s) => s.wallMs)), byTarget };
};
