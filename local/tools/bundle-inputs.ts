import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
export const bundleStamp = (outDir: string) => ({
  forget: () => rm(stampFileOf(outDir), { force: true }),
  record: (digest: string) => writeFile(stampFileOf(outDir), `${digest}\n`),
});
