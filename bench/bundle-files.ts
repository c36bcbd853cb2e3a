/**
 * Which files a function's bundle can load: its handler file's .cjs and, transitively, the chunk files webpack split
 * off for `import()`: `__webpack_require__.e(<id>)` in the code, and the chunk file that starts
 * `exports.id = <id>;` (named `<id>.cjs`, or `<name>.cjs` for a named chunk). Source maps (.cjs.map) are shipped by
 * `forge deploy` but never loaded, so they are not counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSizes {
  /** Paths relative to the bundle directory, the handler file's first. */
  files: string[];
  bytes: number;
  gzipBytes: number;
}

const ENSURE_CHUNK = /__webpack_require__\.e\(\s*(?:\/\*[^*]*\*\/\s*)?["']?([\w-]+)["']?\s*\)/g;
const CHUNK_ID = /^exports\.id\s*=\s*["']?([\w-]+)["']?;/m;

/** Every .cjs file under `dir`, relative to it. */
const allCjs = (dir: string, under = ''): string[] =>
  readdirSync(path.join(dir, under)).flatMap((name) => {
    const relative = path.join(under, name);
    if (statSync(path.join(dir, relative)).isDirectory()) return allCjs(dir, relative);
    return name.endsWith('.cjs') ? [relative] : [];
  });

/** The chunk files `file` (relative to `dir`) can load, itself first, each once. */
export const loadableFiles = (dir: string, file: string): string[] => {
  const byChunkId = new Map<string, string>();
  for (const relative of allCjs(dir)) {
    const id = CHUNK_ID.exec(readFileSync(path.join(dir, relative), 'utf8').slice(0, 200))?.[1];
    if (id !== undefined) byChunkId.set(id, relative);
  }
  const seen = new Set<string>();
  const pending = [file];
  while (pending.length > 0) {
    const next = pending.shift() as string;
    if (seen.has(next) || !existsSync(path.join(dir, next))) continue;
    seen.add(next);
    for (const match of readFileSync(path.join(dir, next), 'utf8').matchAll(ENSURE_CHUNK)) {
      const chunk = byChunkId.get(match[1] ?? '');
      if (chunk !== undefined && !seen.has(chunk)) pending.push(chunk);
    }
  }
  return [...seen];
};

/** Raw and gzip bytes of `files` (relative to `dir`), each file compressed on its own as it is stored. */
export const sizesOf = (dir: string, files: string[]): FileSizes => {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(dir, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
};
