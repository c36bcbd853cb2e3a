/**
 * The peer as a Forge app of its own, so Forge's bundler builds it exactly as it builds ours: a manifest with one
 * function whose handler is bench/peer/peer-sender.ts's `sendWithPeer`, a src/ holding a copy of that file, and a
 * tsconfig.json extending the project's (same compiler options as ours). Written under build/ in the repository
 * so that its imports resolve from the project's node_modules.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const PEER_FUNCTION_KEY = 'peer-sender';
const PEER_SOURCE = path.join(ROOT, 'bench', 'peer', 'peer-sender.ts');

const MANIFEST = `# Written by bench/peer-app.ts: the MSAL + Graph client peer as a one-function Forge app.
modules:
  function:
    - key: ${PEER_FUNCTION_KEY}
      handler: index.sendWithPeer
app:
  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000
  runtime:
    name: nodejs22.x
`;

/** Writes the peer app into `dir` (emptied first) and returns `dir`. */
export const writePeerApp = async (dir: string): Promise<string> => {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await writeFile(path.join(dir, 'manifest.yml'), MANIFEST);
  await copyFile(PEER_SOURCE, path.join(dir, 'src', 'index.ts'));
  const tsconfig = {
    extends: path.relative(dir, path.join(ROOT, 'tsconfig.json')),
    compilerOptions: { outDir: 'build/tsc' },
    include: ['src/**/*.ts'],
  };
  await writeFile(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return dir;
};
