/**
 * `npm run bench`: what Forge runs, measured. Every function's bundle from Forge's own bundler beside the peer's
 * (size, and cold load time interleaved with it), the attachment path, calls per email through the outbox, the
 * Custom UI sizes. Printed as tables, written to bench/results/latest.json, and the README's figures and Scale
 * sections rewritten from that file (readme/update-readme.ts). Not a test: nothing here passes or fails on a number.
 * BENCH_ROUNDS (load rounds, default 25), BENCH_EMAILS (default 50), BENCH_ATTACHMENTS_MIB (default 10,100).
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';

import { measureAttachments } from './attachments';
import { callsPerEmailNotice, measureCallsPerEmail } from './calls-per-email';
import { type BundleSizes, type FunctionFigures, measureForgeFunctions } from './forge-functions';
import type { LoadFigures } from './load-times';
import { describeMachine } from './machine';
import { ROOT } from './peer-app';
import { updateReadme } from './readme/update-readme';
import { type BenchResults, RESULTS_FILE, writeResults } from './results';
import { readScaleInputs } from './scale-inputs';
import { measureUis } from './ui-size';

type FunctionRatios = FunctionFigures['ratios'];

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const x = (value: number) => `x${value.toFixed(2)}`;
const ms = (spread: { median: number; p25: number; p75: number }) =>
  `${spread.median.toFixed(1)} (${spread.p25.toFixed(1)}-${spread.p75.toFixed(1)})`;

const main = async (): Promise<void> => {
  const started = Date.now();
  const loadAtStart = loadavg();
  const rounds = Number(process.env.BENCH_ROUNDS ?? 25);
  // 50 emails keep the whole bench near 10 minutes on a busy 2-core machine (every Send is a fresh process).
  const emails = Number(process.env.BENCH_EMAILS ?? 50);
  const sizes = (process.env.BENCH_ATTACHMENTS_MIB ?? '10,100').split(',').map(Number);

  const forge = await measureForgeFunctions(rounds);
  console.log(
    `\nForge functions (${forge.bundler}; ${rounds} interleaved rounds; KiB; load ms over bare node, median (p25-p75))`,
  );
  const row = (name: string, f: BundleSizes & { bundle: string; load: LoadFigures }, ratios?: FunctionRatios) => ({
    function: name,
    bundle: f.bundle,
    start: kib(f.start.bytes),
    gzip: kib(f.start.gzipBytes),
    'with chunks': kib(f.loadable.bytes),
    'bytes/peer': ratios ? x(ratios.bytes) : '',
    'gzip/peer': ratios ? x(ratios.gzipBytes) : '',
    load: ms(f.load.overBareMs),
    'load/peer': ratios ? x(ratios.load) : '',
    'RSS MiB': f.load.rssAddedMiB.median.toFixed(1),
  });
  console.table([
    row(`peer (${forge.peer.functionKey})`, forge.peer),
    ...forge.functions.map((f) => row(f.functionKey, f, f.ratios)),
  ]);
  console.log(`bare node start ${ms(forge.bareNodeMs)} ms`);

  const attachments = await measureAttachments(path.join(ROOT, 'build', 'bench', 'app-bundle'), sizes);
  console.log('\nAttachment path (local host, bundled app, worker in its own process)');
  console.table(
    attachments.map((a) => ({
      MiB: a.sizeMiB,
      status: a.status,
      draft: a.requests.draft,
      'upload session': a.requests.uploadSession,
      'chunk PUTs': a.requests.chunkPuts,
      send: a.requests.send,
      other: a.requests.other,
      token: a.requests.token,
      seconds: a.seconds.toFixed(1),
      'worker runs': a.workerRuns,
      'worker peak RSS MiB': a.workerPeakRssMiB.toFixed(1),
    })),
  );

  console.log(`\n${callsPerEmailNotice(emails)}`);
  const calls = await measureCallsPerEmail(emails, { bundleDir: path.join(ROOT, 'build', 'bench', 'app-bundle') });
  const mmm = (f: { min: number; mean: number; max: number }) => `${f.min}/${f.mean.toFixed(2)}/${f.max}`;
  console.table([
    {
      'delivered (log / emulator)': `${calls.delivered} / ${calls.sentByEmulator}`,
      'Graph requests per email': calls.graphRequestsPerEmail.toFixed(2),
      'worker runs per email (min/mean/max)': mmm(calls.workerInvocationsPerEmail),
      'kvs ops per email (min/mean/max)': mmm(calls.kvsOperationsPerEmail),
      'most sends in 60 s': calls.maxSendsIn60s,
    },
  ]);

  console.log('\nCold invocations (fresh process each, local host, bundled app; ms, median (p25-p75))');
  console.table(
    calls.coldCalls.map((c) => ({
      call: c.call,
      function: c.functionKey,
      invocations: c.totalMs.samples,
      load: ms(c.loadMs),
      'call itself': ms(c.callMs),
      total: ms(c.totalMs),
      failed: c.failures,
    })),
  );

  const uis = measureUis();
  console.log('\nCustom UI apps (static/<app>/dist)');
  console.table(
    uis.map((u) => ({ app: u.app, js: kib(u.jsBytes), 'js gzip': kib(u.jsGzipBytes), css: kib(u.cssBytes) })),
  );

  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: describeMachine(loadAtStart),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    forgeFunctions: forge,
    attachments,
    callsPerEmail: calls,
    customUi: uis,
    scaleInputs: readScaleInputs(),
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeResults(results);
  console.log(`\nWritten to ${path.relative(ROOT, RESULTS_FILE)} after ${results.durationSeconds} s.`);
  console.log(updateReadme() ? 'README.md figures and Scale sections rewritten.' : 'README.md already up to date.');
};

void main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
