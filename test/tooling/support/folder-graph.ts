import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import ts from 'typescript';

/** One relative import of a source file: as written, and the file it resolves to (relative to the root). */
export interface SourceImport {
  /** The importing file, relative to the root, with forward slashes. */
  file: string;
  specifier: string;
  /** The imported file relative to the root (`../` first when outside it); undefined when nothing is there. */
  target: string | undefined;
}

/** A layer of the tree, highest first in a table: its folders may import folders of their own layer and below. */
export interface Layer {
  name: string;
  folders: readonly string[];
}

const SOURCE = /\.(ts|tsx)$/;

const posix = (path: string): string => path.split(sep).join('/');

/** Every .ts and .tsx file below `root`, relative to it. */
export const sourceFiles = (root: string, below = ''): string[] =>
  readdirSync(join(root, below), { withFileTypes: true }).flatMap((entry) => {
    const path = below === '' ? entry.name : `${below}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, path);
    return SOURCE.test(entry.name) ? [path] : [];
  });

/** The file a relative specifier names, as the bundler resolves it: with or without extension, or a folder's index. */
const resolveSpecifier = (root: string, file: string, specifier: string): string | undefined => {
  const base = resolve(root, dirname(file), specifier);
  const stem = base.replace(/\.js$/, '');
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${stem}.d.ts`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return found === undefined ? undefined : posix(relative(root, found));
};

/**
 * The relative imports of every source file below `root`, read from the code by TypeScript's own pre-processor:
 * `import` and `export ... from` (types too), `import()`, `require()` and `/// <reference path>`. Package imports
 * are left out: they are not folders of the tree.
 */
export const relativeImports = (root: string): SourceImport[] =>
  sourceFiles(root).flatMap((file) => {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    return [...info.importedFiles, ...info.referencedFiles]
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
      .map((specifier) => ({ file, specifier, target: resolveSpecifier(root, file, specifier) }));
  });

/** The folder a file belongs to: its top folder below the root (subfolders count as it), or itself at the top. */
export const folderOf = (path: string): string => path.split('/')[0] ?? path;

export const isOutside = (path: string): boolean => path === '..' || path.startsWith('../');

/** `from -> to` for each pair of different folders, with the imports that make the edge (`file -> specifier`). */
export const folderEdges = (imports: readonly SourceImport[]): Map<string, string[]> => {
  const edges = new Map<string, string[]>();
  for (const { file, specifier, target } of imports) {
    if (target === undefined || isOutside(target)) continue;
    const from = folderOf(file);
    const to = folderOf(target);
    if (from === to) continue;
    const key = `${from} -> ${to}`;
    edges.set(key, [...(edges.get(key) ?? []), `${file} -> ${specifier}`]);
  }
  return edges;
};

const ends = (edge: string): [string, string] => {
  const [from = '', to = ''] = edge.split(' -> ');
  return [from, to];
};

/** The imports that leave the root or lead nowhere, each as `file -> specifier`. */
export const strayImports = (imports: readonly SourceImport[]): string[] =>
  imports
    .filter(({ target }) => target === undefined || isOutside(target))
    .map(({ file, specifier, target }) => `${file} -> ${specifier}${target === undefined ? ' (no such file)' : ''}`);

/** Folders (and files at the top) that no layer lists: a new folder must be placed before it is used. */
export const unplacedFolders = (files: readonly string[], layers: readonly Layer[]): string[] => {
  const placed = new Set(layers.flatMap((layer) => layer.folders));
  return [...new Set(files.map(folderOf))].filter((folder) => !placed.has(folder)).sort();
};

/** Folders that import each other in both directions, each pair once with the imports of both ways. */
export const twoWayPairs = (edges: ReadonlyMap<string, readonly string[]>): string[] =>
  [...edges.keys()]
    .map(ends)
    .filter(([from, to]) => from < to && edges.has(`${to} -> ${from}`))
    .map(([a, b]) => `${a} <-> ${b}: ${[...edges.get(`${a} -> ${b}`)!, ...edges.get(`${b} -> ${a}`)!].join('; ')}`)
    .sort();

/** Where each folder stands: its layer's index in the table, and its own place within the layer. */
const positions = (layers: readonly Layer[]): Map<string, { layer: number; place: number }> =>
  new Map(
    layers.flatMap((layer, index) => layer.folders.map((folder, place) => [folder, { layer: index, place }] as const)),
  );

/** Imports from a folder to one of a higher layer, each as `file -> specifier (lower layer -> higher layer)`. */
export const upwardImports = (edges: ReadonlyMap<string, readonly string[]>, layers: readonly Layer[]): string[] => {
  const at = positions(layers);
  return [...edges]
    .flatMap(([edge, imports]) => {
      const [from, to] = ends(edge).map((folder) => at.get(folder));
      if (from === undefined || to === undefined || to.layer >= from.layer) return [];
      return imports.map((line) => `${line} (${layers[from.layer]!.name} -> ${layers[to.layer]!.name})`);
    })
    .sort();
};

/**
 * Imports within a layer against the table's order (a folder imports only those listed after it), each as
 * `file -> specifier (from -> to)`. The order makes imports within a layer one way, with no loop through several.
 */
export const sidewaysImports = (edges: ReadonlyMap<string, readonly string[]>, layers: readonly Layer[]): string[] => {
  const at = positions(layers);
  return [...edges]
    .flatMap(([edge, imports]) => {
      const [fromFolder, toFolder] = ends(edge);
      const from = at.get(fromFolder);
      const to = at.get(toFolder);
      if (from === undefined || to === undefined || to.layer !== from.layer || to.place > from.place) return [];
      return imports.map((line) => `${line} (${fromFolder} -> ${toFolder}, listed before it)`);
    })
    .sort();
};
