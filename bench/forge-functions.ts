/**
 * What Forge runs, per function: the app and the peer bundled by Forge's own bundler (@forge/bundler through
 * local/tools/forge-bundle.ts, as `forge deploy` and `npm run bundle` do, into build/bench/), then for every
 * function of manifest.yml the bytes its handler file's bundle can load and its cold load time, interleaved with
 * the peer's and a bare node's in one run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { bundleForge, type ForgeBundleResult } from '../local/tools/forge-bundle';
import { type FileSizes, loadableFiles, sizesOf } from './bundle-files';
import { type LoadFigures, type LoadTarget, measureLoads } from './load-times';
import { PEER_FUNCTION_KEY, ROOT, writePeerApp } from './peer-app';
import { ratio, type Spread } from './stats';

const BENCH_BUILD = path.join(ROOT, 'build', 'bench');

export interface BundleSizes {
  /** The handler file's bundle alone: what a cold start loads. */
  start: FileSizes;
  /** With every chunk it can load later (`import()`); equals `start` when nothing is split off. */
  loadable: FileSizes;
}

export interface FunctionFigures extends BundleSizes {
  functionKey: string;
  /** manifest.yml's `handler`, e.g. index.emailWorker. */
  handler: string;
  /** The handler file's bundle, relative to the bundle directory, e.g. index.cjs. */
  bundle: string;
  load: LoadFigures;
  /** ours / peer: start bytes, start gzip bytes, loadable bytes, median load time over bare node, median RSS added. */
  ratios: { bytes: number; gzipBytes: number; loadableBytes: number; load: number; rss: number };
}

export interface ForgeBundleFigures {
  bundler: string;
  rounds: number;
  bareNodeMs: Spread;
  bundleSeconds: { app: number; peer: number };
  peer: BundleSizes & { functionKey: string; bundle: string; load: LoadFigures };
  functions: FunctionFigures[];
}

const bundlerVersion = (): string => {
  const file = require.resolve('@forge/bundler/package.json');
  return `@forge/bundler ${(JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version}`;
};

const timedBundle = async (root: string, outDir: string): Promise<{ result: ForgeBundleResult; seconds: number }> => {
  const started = Date.now();
  const result = await bundleForge({ root, outDir });
  return { result, seconds: (Date.now() - started) / 1000 };
};

const sizes = (outDir: string, file: string): BundleSizes => {
  const relative = path.relative(outDir, file);
  return { start: sizesOf(outDir, [relative]), loadable: sizesOf(outDir, loadableFiles(outDir, relative)) };
};

export const measureForgeFunctions = async (
  rounds: number,
  log: (line: string) => void = console.log,
): Promise<ForgeBundleFigures> => {
  const appOut = path.join(BENCH_BUILD, 'app-bundle');
  const peerOut = path.join(BENCH_BUILD, 'peer-bundle');
  log('Bundling the app with @forge/bundler ...');
  const app = await timedBundle(ROOT, appOut);
  log(`... ${app.seconds.toFixed(0)} s. Bundling the peer the same way ...`);
  const peerApp = await writePeerApp(path.join(BENCH_BUILD, 'peer-app'));
  const peer = await timedBundle(peerApp, peerOut);
  log(`... ${peer.seconds.toFixed(0)} s.`);
  const peerEntry = peer.result.entries[0];
  const peerExport = peerEntry?.functions[PEER_FUNCTION_KEY];
  if (!peerEntry || !peerExport) throw new Error('the peer bundle has no peer-sender function');

  // One load target per bundle file: functions that share a handler file share its measurement.
  const targets: LoadTarget[] = [{ id: 'peer', file: peerEntry.file, exportName: peerExport }];
  for (const entry of app.result.entries) {
    const exportName = Object.values(entry.functions)[0];
    if (exportName) targets.push({ id: entry.file, file: entry.file, exportName });
  }
  log(`Loading ${targets.length} bundles and a bare node, interleaved, ${rounds} rounds ...`);
  const loads = measureLoads(targets, rounds, (done) => {
    if (done % 5 === 0) log(`... round ${done} of ${rounds}`);
  });
  const peerLoad = loads.byTarget.peer as LoadFigures;
  const peerSizes = sizes(peerOut, peerEntry.file);

  const functions: FunctionFigures[] = app.result.entries.flatMap((entry) => {
    const own = sizes(appOut, entry.file);
    const load = loads.byTarget[entry.file] as LoadFigures;
    return Object.entries(entry.functions).map(([functionKey, exportName]) => ({
      functionKey,
      handler: `${entry.name}.${exportName}`,
      bundle: path.relative(appOut, entry.file),
      ...own,
      load,
      ratios: {
        bytes: ratio(own.start.bytes, peerSizes.start.bytes),
        gzipBytes: ratio(own.start.gzipBytes, peerSizes.start.gzipBytes),
        loadableBytes: ratio(own.loadable.bytes, peerSizes.loadable.bytes),
        load: ratio(load.overBareMs.median, peerLoad.overBareMs.median),
        rss: ratio(load.rssAddedMiB.median, peerLoad.rssAddedMiB.median),
      },
    }));
  });
  return {
    bundler: bundlerVersion(),
    rounds,
    bareNodeMs: loads.bareNodeMs,
    bundleSeconds: { app: app.seconds, peer: peer.seconds },
    peer: {
      functionKey: PEER_FUNCTION_KEY,
      bundle: path.relative(peerOut, peerEntry.file),
      ...peerSizes,
      load: peerLoad,
    },
    functions,
  };
};
