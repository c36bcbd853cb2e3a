import { join } from 'node:path';

import { build, type Metafile } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/** The template engine's libraries: liquidjs and the HTML ones (CSS inlining, parsing, sanitizing). */
const ENGINE_LIBRARIES =
  /node_modules\/(liquidjs|juice|cheerio|cheerio-select|xss|cssfilter|htmlparser2|entities|dom-serializer|domhandler|domutils|css-select|css-what|mensch|slick)\//;
/** What loads them: nothing but load-template-engine.ts's dynamic import() reaches it. */
const ENGINE_MODULE = 'src/templates/template-engine.ts';

const ENTRY_FILES = [
  'src/resolvers/admin-resolver.ts',
  'src/resolvers/issue-action-resolver.ts',
  'src/triggers/credential-expiry-check.ts',
  'src/consumers/email-worker.ts',
  'src/triggers/email-log-upkeep.ts',
  'src/triggers/issue-events.ts',
  'src/resolvers/automation-action.ts',
  'src/resolvers/automation-config.ts',
];

/** Every input of the graph an entry imports, as esbuild resolves it for Node (the same conditions webpack takes). */
const graphOf = async (entry: string): Promise<Metafile['inputs']> => {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  return result.metafile.inputs;
};

/** The inputs reached from `entry` through static imports and requires only (what loads when the function starts). */
const staticallyReached = (inputs: Metafile['inputs'], entry: string): string[] => {
  const start = Object.keys(inputs).find((input) => input.endsWith(entry));
  const seen = new Set<string>(start === undefined ? [] : [start]);
  const queue = [...seen];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const edge of inputs[current]?.imports ?? []) {
      if (edge.kind === 'dynamic-import' || edge.external === true || seen.has(edge.path)) continue;
      seen.add(edge.path);
      queue.push(edge.path);
    }
  }
  return [...seen];
};

const engineIn = (files: readonly string[]): string[] =>
  files.filter((file) => ENGINE_LIBRARIES.test(file) || file.endsWith(ENGINE_MODULE));

describe('what each function loads (esbuild metafiles of the entry files)', () => {
  it('the email worker reaches no part of the template engine, not even on first use', async () => {
    expect(engineIn(Object.keys(await graphOf('src/consumers/email-worker.ts')))).toEqual([]);
  });

  it('the admin page does reach it, on first use: the checks below look at a graph that holds the engine', async () => {
    const inputs = await graphOf('src/resolvers/admin-resolver.ts');
    expect(engineIn(Object.keys(inputs))).toContain(ENGINE_MODULE);
    expect(Object.keys(inputs).some((file) => file.includes('node_modules/liquidjs/'))).toBe(true);
  });

  it.each(ENTRY_FILES)('%s loads the template engine only on first use (a dynamic import)', async (entry) => {
    const inputs = await graphOf(entry);
    expect(engineIn(staticallyReached(inputs, entry))).toEqual([]);
  });

  it.each(ENTRY_FILES)('%s loads jose only on first use (certificate credentials sign with it)', async (entry) => {
    const inputs = await graphOf(entry);
    expect(staticallyReached(inputs, entry).filter((file) => file.includes('node_modules/jose/'))).toEqual([]);
  });

  it('the email worker builds none of the schemas of the admin page, the dialog or the email log when it starts', async () => {
    const entry = 'src/consumers/email-worker.ts';
    const reached = staticallyReached(await graphOf(entry), entry);
    const uiSchemas = ['src/contract/credentials.ts', 'src/contract/issue-email.ts', 'src/contract/email-log.ts'];
    expect(reached.filter((file) => uiSchemas.some((schemas) => file.endsWith(schemas)))).toEqual([]);
  });

  it('the email worker loads neither @forge/events nor @forge/api when it starts, only on the paths that use them', async () => {
    const entry = 'src/consumers/email-worker.ts';
    const inputs = await graphOf(entry);
    const forge = (files: readonly string[], name: string) =>
      files.filter((file) => file.includes(`node_modules/@forge/${name}/`));
    const reached = staticallyReached(inputs, entry);
    // A push (retry, hand-over) and a platform retry load @forge/events; attachments and the comment, @forge/api.
    expect(forge(reached, 'events')).toEqual([]);
    expect(forge(reached, 'api')).toEqual([]);
    expect(forge(Object.keys(inputs), 'events')).not.toEqual([]);
    expect(forge(Object.keys(inputs), 'api')).not.toEqual([]);
  });

  it('the issue-events trigger loads @forge/events, Jira and the outbox only when an event needs them', async () => {
    const entry = 'src/triggers/issue-events.ts';
    const reached = staticallyReached(await graphOf(entry), entry);
    expect(reached.filter((file) => /node_modules\/@forge\/(events|api)\//.test(file))).toEqual([]);
    expect(reached.filter((file) => file.endsWith('src/contract/credentials.ts'))).toEqual([]);
    expect(
      reached.filter((file) =>
        /src\/(outbox\/enqueue-email|jira\/jira-client|templates\/template-service)\.ts$/.test(file),
      ),
    ).toEqual([]);
  });

  it('the Automation action loads @forge/events on its first push, and builds no UI or rule schema, when it starts', async () => {
    const entry = 'src/resolvers/automation-action.ts';
    const reached = staticallyReached(await graphOf(entry), entry);
    expect(reached.filter((file) => file.includes('node_modules/@forge/events/'))).toEqual([]);
    const uiSchemas = ['credentials', 'issue-email', 'notification-rules'].map((name) => `src/contract/${name}.ts`);
    expect(reached.filter((file) => uiSchemas.some((schemas) => file.endsWith(schemas)))).toEqual([]);
  });

  it.each(ENTRY_FILES)(
    '%s holds render-thread.ts itself when it can render (a thread loads the entry bundle)',
    async (entry) => {
      const inputs = await graphOf(entry);
      // RENDER_THREAD_FILE is the __filename of the bundle file holding render-thread.ts: in a lazily loaded chunk it
      // would name the chunk, which runs nothing when a thread loads it.
      const renders = Object.keys(inputs).some((file) => file.endsWith(ENGINE_MODULE));
      const holds = staticallyReached(inputs, entry).some((file) => file.endsWith('src/templates/render-thread.ts'));
      expect(holds).toBe(renders);
    },
  );

  it('holds one build of entities where a template is rendered', async () => {
    const inputs = Object.keys(await graphOf('src/templates/template-engine.ts'));
    const builds = new Set(
      inputs.flatMap((file) => /node_modules\/entities\/dist\/([^/]+)\//.exec(file)?.slice(1, 2) ?? []),
    );
    expect([...builds]).toEqual(['commonjs']);
  });
});
