import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { ForgeBundleResult } from './forge-bundle';

/**
 * What `npm run bundle` reads: the app's sources, its manifest, the tsconfig and lockfile the bundler follows, and
 * the bundle tools themselves. When none of them changed since the last bundle, that bundle is what the bundler
 * would write again, so it is kept: CI bundles once (its `npm run bundle` step) instead of again before the
 * browser tests, each pass being two minutes of webpack.
 */
const INPUT_FILES = [
  'manifest.yml',
  'tsconfig.json',
  'package-lock.json',
  'local/tools/forge-bundle.ts',
  'local/tools/bundle.ts',
  'local/tools/bundle-inputs.ts',
];
const INPUT_FOLDERS = ['src'];

/** Beside the bundle folder, not in it: the bundler empties that folder first, and nothing there may be foreign. */
const stampFileOf = (outDir: string): string => `${outDir}.inputs-sha256`;

const filesUnder = async (root: string, folder: string): Promise<string[]> =>
  (await readdir(path.join(root, folder), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));

/** SHA-256 over every input's path and bytes, in a stable order. */
export const bundleInputsDigest = async (root: string): Promise<string> => {
  const files = [
    ...INPUT_FILES,
    ...(await Promise.all(INPUT_FOLDERS.map((folder) => filesUnder(root, folder)))).flat(),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = await readFile(path.join(root, file));
    hash.update(`${file}\u0000${bytes.length}\u0000`).update(bytes);
  }
  return hash.digest('hex');
};

/** True when `outDir` holds a bundle made from exactly these inputs, with every expected file still there. */
export const bundleIsCurrent = async (outDir: string, digest: string, expectedFiles: readonly string[]) => {
  const stamp = stampFileOf(outDir);
  if (!existsSync(stamp)) return false;
  if ((await readFile(stamp, 'utf8')).trim() !== digest) return false;
  return expectedFiles.every((file) => existsSync(path.join(outDir, file)));
};

/** Called once a bundle is written and checked; `forget` before bundling, so a failed run leaves no stamp. */
/** The bundler's report of a kept bundle, paths relative to it: what `npm test` checks without bundling again. */
const reportFileOf = (outDir: string): string => `${outDir}.report.json`;

export const bundleStamp = (outDir: string) => ({
  forget: () => Promise.all([rm(stampFileOf(outDir), { force: true }), rm(reportFileOf(outDir), { force: true })]),
  record: async (digest: string, result: ForgeBundleResult) => {
    const report = {
      ...result,
      outDir: '.',
      entries: result.entries.map((entry) => ({ ...entry, file: path.relative(result.outDir, entry.file) })),
    };
    await writeFile(reportFileOf(outDir), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(stampFileOf(outDir), `${digest}\n`);
  },
});

/**
 * The report of the bundle in `outDir` when it is current (made from exactly these inputs), else undefined. CI's
 * `npm run bundle` step makes it; the bundle test then checks that bundle instead of spending two more minutes of
 * webpack on the same inputs.
 */
export const currentBundleReport = async (
  outDir: string,
  digest: string,
  expectedFiles: readonly string[],
): Promise<ForgeBundleResult | undefined> => {
  if (!(await bundleIsCurrent(outDir, digest, expectedFiles)) || !existsSync(reportFileOf(outDir))) return undefined;
  const report = JSON.parse(await readFile(reportFileOf(outDir), 'utf8')) as ForgeBundleResult;
  return {
    ...report,
    outDir,
    entries: report.entries.map((entry) => ({ ...entry, file: path.join(outDir, entry.file) })),
  };
};
