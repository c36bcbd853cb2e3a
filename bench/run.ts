/**
 * `npm run bench`: the figures the README quotes. Printed as tables and written to bench/results/latest.json.
 * Not a test: nothing here passes or fails on a number.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { measureBundles } from './bundle-size';
import { callsPerEmailNotice, measureCallsPerEmail } from './calls-per-email';
import { measureUis } from './ui-size';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const main = async (): Promise<void> => {
  const emails = Number(process.env.BENCH_EMAILS ?? 100);
  const bundles = await measureBundles();
  console.log(callsPerEmailNotice(emails));
  const calls = await measureCallsPerEmail(emails);
  const uis = measureUis();

  console.log('\nBackend bundle (esbuild, minified, node platform)');
  console.table(
    [bundles.ours, bundles.peer].map((b) => ({
      bundle: b.name,
      size: kib(b.bytes),
      gzip: kib(b.gzipBytes),
      'load ms over bare node': b.loadMs.toFixed(1),
    })),
  );
  const sizeRatio = bundles.peer.bytes / bundles.ours.bytes;
  const loadRatio = bundles.ours.loadMs > 0 ? bundles.peer.loadMs / bundles.ours.loadMs : Number.NaN;
  console.log(
    `peer / ours: size x${sizeRatio.toFixed(2)}, load time x${loadRatio.toFixed(2)} (bare node start ${bundles.bareNodeMs.toFixed(1)} ms)`,
  );

  const mmm = (figures: { min: number; mean: number; max: number }) =>
    `${figures.min}/${figures.mean.toFixed(2)}/${figures.max}`;
  console.log(
    `\nCalls per email (${calls.emails} issue emails through the outbox queue, one fresh process per invocation)`,
  );
  console.table([
    {
      'delivered (log / emulator)': `${calls.delivered} / ${calls.sentByEmulator}`,
      'token requests (all)': calls.tokenRequests,
      'Graph requests per email': calls.graphRequestsPerEmail.toFixed(2),
      'worker invocations per email (min/mean/max)': mmm(calls.workerInvocationsPerEmail),
      'kvs ops per email (min/mean/max)': mmm(calls.kvsOperationsPerEmail),
    },
  ]);
  console.log(
    `of which "Send" kvs ops ${mmm(calls.sendKvsOperationsPerEmail)}; worker outcomes ${JSON.stringify(calls.workerOutcomes)}; ` +
      `Exchange limit refusals ${calls.limitRefusals.concurrency} concurrency, ${calls.limitRefusals.messageRate} message rate; ` +
      `most sends in 60 s ${calls.maxSendsIn60s}; queue retries ${calls.queueRetries}, drops ${calls.queueDrops}; ${calls.wallSeconds.toFixed(0)} s of real time`,
  );

  console.log('\nCustom UI apps (static/<app>/dist)');
  console.table(
    uis.map((u) => ({
      app: u.app,
      js: kib(u.jsBytes),
      'js gzip': kib(u.jsGzipBytes),
      css: kib(u.cssBytes),
      'css gzip': kib(u.cssGzipBytes),
    })),
  );

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    bundles: { ...bundles, sizeRatio, loadRatio },
    callsPerEmail: calls,
    customUi: uis,
  };
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten to bench/results/latest.json`);
};

void main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
