/** Size and cold load time of the backend bundle Forge would build, beside the usual MSAL + Graph client peer. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

export interface BundleFigures {
  name: string;
  bytes: number;
  gzipBytes: number;
  /** Median milliseconds to `require` the bundle in a fresh node, over a bare node start. */
  loadMs: number;
}

const ROOT = join(__dirname, '..');
const LOAD_RUNS = 15;

const bundle = async (entry: string, outfile: string): Promise<void> => {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'silent',
  });
};

const medianMs = (args: string[]): number => {
  const times: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i += 1) {
    const started = process.hrtime.bigint();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
};

export const measureBundles = async (): Promise<{ ours: BundleFigures; peer: BundleFigures; bareNodeMs: number }> => {
  const dir = mkdtempSync(join(tmpdir(), 'issue-mailer-bench-'));
  const oursFile = join(dir, 'index.js');
  const peerFile = join(dir, 'peer.js');
  await bundle(join(ROOT, 'src', 'index.ts'), oursFile);
  await bundle(join(ROOT, 'bench', 'peer', 'peer-sender.ts'), peerFile);

  const bareNodeMs = medianMs(['-e', '0']);
  const figures = (name: string, file: string): BundleFigures => {
    const bytes = readFileSync(file);
    return {
      name,
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes).length,
      loadMs: Math.max(0, medianMs(['-e', `require(${JSON.stringify(file)})`]) - bareNodeMs),
    };
  };
  return {
    ours: figures('Issue Mailer backend', oursFile),
    peer: figures('MSAL + Graph client peer', peerFile),
    bareNodeMs,
  };
};
