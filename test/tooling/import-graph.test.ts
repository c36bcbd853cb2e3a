import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import {
  folderEdges,
  type Layer,
  relativeImports,
  sidewaysImports,
  sourceFiles,
  strayImports,
  twoWayPairs,
  unplacedFolders,
  upwardImports,
} from './support/folder-graph';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/**
 * The layers of src/, highest first (the README's "How it is built" states them). A folder may import folders of
 * lower layers, and those of its own layer listed after it: one way only, with no loop. Subfolders count as their
 * top folder. A new folder is placed here before anything imports it.
 */
const LAYERS: readonly Layer[] = [
  // What manifest.yml names: one entry file per function (test/tooling/entry-points.test.ts); the Automation
  // action's handler is a resolver.
  { name: 'entry points', folders: ['consumers', 'triggers', 'resolvers'] },
  // The wiring of real dependencies, one root per entry point.
  { name: 'composition', folders: ['composition'] },
  // Codes to words for people: it knows every error family below, and the entry points (or their wiring) ask it.
  { name: 'words', folders: ['messages'] },
  // Each mail service behind one interface: microsoft/ (Graph) and google/ (Gmail) implement sending, tracing,
  // the directory, Test connection and incoming mail; the use cases below see only their ports and mail-model/.
  { name: 'providers', folders: ['providers'] },
  {
    name: 'use cases',
    folders: [
      // Incoming mail: reads the sent emails' history (replies), the mail settings and credentials.
      'incoming',
      'automation',
      'notifications',
      'mail-handlers',
      'settings',
      'mail',
      'outbox',
      'delivery',
      'templates',
      'warnings',
      'credentials',
      'history',
    ],
  },
  // Talking to the OAuth 2 token endpoints, Jira, the network and Forge storage (Microsoft Graph's and Gmail's own
  // clients are providers/microsoft/graph/ and providers/google/); mail-model/ is what a mail is to the app,
  // whichever service carries it (the outgoing and incoming message, a mail service's failure).
  { name: 'adapters', folders: ['oauth', 'jira', 'http', 'storage', 'mail-model'] },
  // Helpers that know no feature, and the resolver contract (the Custom UIs import it too, so it imports nothing).
  { name: 'contract and shared', folders: ['shared', 'contract'] },
  // ajv standalone validators generated from the zod schemas (npm run generate:validators): they import nothing.
  { name: 'generated', folders: ['generated'] },
];

/**
 * Files outside providers/ that exist for one mail service alone: Graph's change notifications arrive at a web
 * trigger of their own (manifest.yml's key is in every live subscription's notificationUrl, so it keeps its name),
 * and generated/ holds every validator the generator writes, Graph's answers' too. Everything else outside
 * providers/ is named for what it does, whichever service does it.
 */
const SERVICE_ENTRY_FILES: readonly string[] = [
  'composition/graph-notifications-root.ts',
  'generated/graph-answers.ts',
  'generated/graph-notification.ts',
  'triggers/graph-notifications.ts',
];

const imports = relativeImports(SRC);
const edges = folderEdges(imports);

describe('the folder import graph of src/', () => {
  it('places every folder (and file at the top) of src/ in a layer', () => {
    expect(unplacedFolders(sourceFiles(SRC), LAYERS)).toEqual([]);
  });

  it('lists each folder in one layer only', () => {
    const folders = LAYERS.flatMap((layer) => layer.folders);
    expect(folders.filter((folder, index) => folders.indexOf(folder) !== index)).toEqual([]);
  });

  it('imports nothing from outside src/: Forge runs src/ alone, which knows neither local/ nor static/', () => {
    expect(strayImports(imports)).toEqual([]);
  });

  it('has no two folders importing each other', () => {
    expect(twoWayPairs(edges)).toEqual([]);
  });

  it('has no folder importing one of a higher layer', () => {
    expect(upwardImports(edges, LAYERS)).toEqual([]);
  });

  it('has no folder importing one listed before it in its own layer (one way only, no loop)', () => {
    expect(sidewaysImports(edges, LAYERS)).toEqual([]);
  });

  it('keeps each mail service inside providers/: the rest imports only its interface (providers/*.ts)', () => {
    const inService = (path: string) => /^providers\/[^/]+\//.test(path);
    const reaching = imports.filter(
      ({ file, target }) => target !== undefined && inService(target) && !file.startsWith('providers/'),
    );
    expect(reaching.map(({ file, specifier }) => `${file} -> ${specifier}`)).toEqual([]);
  });

  it("names no file outside providers/ after Graph or Gmail, but one service's web trigger and validators", () => {
    const named = sourceFiles(SRC).filter(
      (file) => !file.startsWith('providers/') && /graph|gmail/i.test(file.split('/').pop()!),
    );
    expect(named.sort()).toEqual(SERVICE_ENTRY_FILES);
  });

  it('names every folder of src/ in the README\'s "How it is built"', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## How it is built'), readme.indexOf('### The local Forge host'));
    const named = (folder: string) =>
      new RegExp(`(^|[\\s(])${folder.replace('.', '\\.')}${folder.endsWith('.ts') ? '' : '/'}`, 'm').test(section);
    const present = new Set(sourceFiles(SRC).map((file) => file.split('/')[0]!));
    expect(LAYERS.flatMap((layer) => layer.folders).filter((folder) => present.has(folder) && !named(folder))).toEqual(
      [],
    );
  });
});

describe('the folder graph checks', () => {
  // A tree of its own: src/ below a temporary folder, with local/ beside it.
  let base: string;
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  };

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'import-graph-'));
    root = join(base, 'src');
  });
  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('reads every kind of import, resolving files and folder indexes', () => {
    write('src/low/index.ts', 'export const a = 1;\n');
    write('src/low/b.ts', 'export type B = string;\n');
    write('local/x.ts', 'export const secret = 1;\n');
    write(
      'src/high/deep/c.ts',
      [
        "import { a } from '../../low';",
        "import type { B } from '../../low/b';",
        "export { a as d } from '../../low/index.js';",
        "const later = () => import('../../low/b');",
        "const old = require('../../low/b');",
        "import { z } from 'zod';",
        "import { gone } from '../../low/gone';",
        "import { secret } from '../../../local/x';",
      ].join('\n'),
    );
    const found = relativeImports(root);
    expect(found.map(({ specifier, target }) => `${specifier} => ${String(target)}`)).toEqual([
      '../../low => low/index.ts',
      '../../low/b => low/b.ts',
      '../../low/index.js => low/index.ts',
      '../../low/b => low/b.ts',
      '../../low/b => low/b.ts',
      '../../low/gone => undefined',
      '../../../local/x => ../local/x.ts',
    ]);
    expect(strayImports(found)).toEqual([
      'high/deep/c.ts -> ../../low/gone (no such file)',
      'high/deep/c.ts -> ../../../local/x',
    ]);
  });

  it('names the files behind a pair, an upward or sideways import and an unplaced folder', () => {
    write('src/a/one.ts', "import '../b/two';\n");
    write('src/b/two.ts', "import '../a/one';\nimport '../c/three';\n");
    write('src/c/three.ts', "import '../d/four';\n");
    write('src/d/four.ts', "import '../b/two';\n");
    write('src/e/five.ts', '');
    const layers: Layer[] = [
      { name: 'top', folders: ['a', 'b'] },
      { name: 'bottom', folders: ['c', 'd'] },
    ];
    const graph = folderEdges(relativeImports(root));
    expect(twoWayPairs(graph)).toEqual(['a <-> b: a/one.ts -> ../b/two; b/two.ts -> ../a/one']);
    expect(upwardImports(graph, layers)).toEqual(['d/four.ts -> ../b/two (bottom -> top)']);
    expect(sidewaysImports(graph, layers)).toEqual(['b/two.ts -> ../a/one (b -> a, listed before it)']);
    expect(unplacedFolders(sourceFiles(root), layers)).toEqual(['e']);
  });
});
