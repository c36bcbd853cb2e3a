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
  'src/triggers/graph-notifications.ts',
  'src/consumers/incoming-worker.ts',
  'src/triggers/incoming-upkeep.ts',
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

const LAZY_NODE_CRYPTO = 'src/shared/node-crypto.ts';

/**
 * The inputs reached from `entry` through static imports and requires only (what loads when the function starts),
 * and the externals (Node's built-in modules) they require.
 */
const reachedWithExternals = (inputs: Metafile['inputs'], entry: string): { files: string[]; externals: string[] } => {
  const start = Object.keys(inputs).find((input) => input.endsWith(entry));
  const seen = new Set<string>(start === undefined ? [] : [start]);
  const externals = new Set<string>();
  const queue = [...seen];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const edge of inputs[current]?.imports ?? []) {
      if (edge.kind === 'dynamic-import' || seen.has(edge.path)) continue;
      if (edge.external === true) {
        // node-crypto.ts's require() runs on its first call, not when the module loads.
        if (!current.endsWith(LAZY_NODE_CRYPTO)) externals.add(edge.path);
        continue;
      }
      seen.add(edge.path);
      queue.push(edge.path);
    }
  }
  return { files: [...seen], externals: [...externals] };
};

const staticallyReached = (inputs: Metafile['inputs'], entry: string): string[] =>
  reachedWithExternals(inputs, entry).files;

/** What loads when one of `files` (an entry, or a section's functions and composition root) is loaded. */
const loadedBy = async (...files: string[]): Promise<{ files: string[]; externals: string[] }> => {
  const reached = await Promise.all(files.map(async (file) => reachedWithExternals(await graphOf(file), file)));
  return {
    files: [...new Set(reached.flatMap((one) => one.files))],
    externals: [...new Set(reached.flatMap((one) => one.externals))],
  };
};

const among = (files: readonly string[], wanted: readonly string[]): string[] =>
  wanted.filter((file) => files.some((reached) => reached.endsWith(file)));

/** Each admin section's services and contract schemas: what a call to another section must not build. */
const SECTION_SERVICES = {
  credentials: ['src/credentials/credential-service.ts', 'src/credentials/test-connection.ts'],
  templates: ['src/templates/template-service.ts', 'src/contract/templates.ts'],
  rules: ['src/notifications/rule-service.ts', 'src/notifications/try-rule.ts', 'src/contract/notification-rules.ts'],
  emailLog: ['src/outbox/email-log-service.ts', 'src/contract/email-log.ts'],
  mailSettings: ['src/settings/save-mail-settings.ts', 'src/contract/mail-settings.ts'],
  incomingLog: ['src/incoming/log/incoming-log-service.ts', 'src/contract/incoming-log.ts'],
  mailHandlers: ['src/mail-handlers/mail-handler-service.ts', 'src/contract/mail-handlers.ts'],
};

/** The admin page's sections: the files its chunk holds (functions and composition root), what it must not load. */
const ADMIN_SECTIONS: Array<[string, string[], string[]]> = [
  [
    'credentials',
    ['src/resolvers/admin/credentials-section.ts', 'src/composition/admin/credentials-root.ts'],
    [...SECTION_SERVICES.templates, ...SECTION_SERVICES.rules, ...SECTION_SERVICES.emailLog],
  ],
  [
    'templates',
    ['src/resolvers/admin/templates-section.ts', 'src/composition/admin/templates-root.ts'],
    // Deleting a template reads the rules' store (rule-store.ts, with its schema), not their service.
    ['src/notifications/rule-service.ts', 'src/notifications/try-rule.ts', ...SECTION_SERVICES.emailLog],
  ],
  [
    'email log',
    ['src/resolvers/admin/email-log-section.ts', 'src/composition/admin/email-log-root.ts'],
    [
      ...SECTION_SERVICES.credentials,
      ...SECTION_SERVICES.templates,
      ...SECTION_SERVICES.rules,
      ...SECTION_SERVICES.incomingLog,
    ],
  ],
  [
    'incoming log',
    ['src/resolvers/admin/incoming-log-section.ts', 'src/composition/admin/incoming-log-root.ts'],
    // Handlers are named from their store (which reads them with their contract's schema), not their service.
    [
      ...SECTION_SERVICES.credentials,
      ...SECTION_SERVICES.templates,
      ...SECTION_SERVICES.rules,
      ...SECTION_SERVICES.emailLog,
      'src/mail-handlers/mail-handler-service.ts',
    ],
  ],
  [
    'settings',
    ['src/resolvers/admin/mail-settings-section.ts', 'src/composition/admin/mail-settings-root.ts'],
    [...SECTION_SERVICES.rules, ...SECTION_SERVICES.emailLog, 'src/credentials/test-connection.ts'],
  ],
  [
    'rules',
    ['src/resolvers/admin/rules-section.ts', 'src/composition/admin/rules-root.ts'],
    [...SECTION_SERVICES.emailLog, 'src/credentials/test-connection.ts'],
  ],
];

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

  /** Functions that validate with the validators generated from the zod schemas (src/generated), not with zod. */
  const WITHOUT_ZOD = [
    'src/consumers/email-worker.ts',
    'src/triggers/credential-expiry-check.ts',
    'src/triggers/email-log-upkeep.ts',
    'src/triggers/graph-notifications.ts',
  ];

  it.each(WITHOUT_ZOD)('%s loads no zod when it starts, and no ajv (the validators stand alone)', async (entry) => {
    const reached = staticallyReached(await graphOf(entry), entry);
    expect(reached.filter((file) => /node_modules\/(zod|ajv)\//.test(file))).toEqual([]);
  });

  it('the email worker reads its records with the generated validators', async () => {
    const entry = 'src/consumers/email-worker.ts';
    const reached = staticallyReached(await graphOf(entry), entry);
    expect(reached.some((file) => file.endsWith('src/generated/email-record.ts'))).toBe(true);
  });

  it("Graph's web trigger loads no Graph client, Jira, content library or @forge/api: it checks and queues", async () => {
    const entry = 'src/triggers/graph-notifications.ts';
    const inputs = await graphOf(entry);
    const all = Object.keys(inputs);
    expect(
      all.filter((file) =>
        /node_modules\/(planer|email-reply-parser|turndown|@joplin|marklassian|postal-mime|cheerio|xss)\//.test(file),
      ),
    ).toEqual([]);
    expect(all.filter((file) => /src\/(graph|jira|incoming\/(process|content|connection))\//.test(file))).toEqual([]);
    // @forge/events (and the @forge/api it requires) only when it pushes.
    expect(
      staticallyReached(inputs, entry).filter((file) => /node_modules\/@forge\/(events|api)\//.test(file)),
    ).toEqual([]);
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

  // node:crypto costs 4 to 6 ms of a cold start; ids that must be random take it on first use (seams.ts newUuid,
  // shared/node-crypto.ts), hashes for storage keys never (shared/sha256-hex.ts).
  it.each(ENTRY_FILES)('%s does not load node:crypto when it starts', async (entry) => {
    expect((await loadedBy(entry)).externals).not.toContain('node:crypto');
  });

  it('the admin resolver starts with no section: no service, no section schema, no node:crypto', async () => {
    const loaded = await loadedBy('src/resolvers/admin-resolver.ts');
    expect(among(loaded.files, Object.values(SECTION_SERVICES).flat())).toEqual([]);
    expect(loaded.externals).not.toContain('node:crypto');
  });

  it.each(ADMIN_SECTIONS)(
    "the admin page's %s section loads no other section's service",
    async (_name, files, others) => {
      expect(among((await loadedBy(...files)).files, others)).toEqual([]);
    },
  );

  it("the issue-action resolver starts with none of the dialog's use cases, schemas, outbox, Graph or Jira", async () => {
    const loaded = await loadedBy('src/resolvers/issue-action-resolver.ts');
    const dialog = [
      'src/mail/email-draft.ts',
      'src/mail/send-issue-email.ts',
      'src/mail/search-people.ts',
      'src/contract/issue-email.ts',
      'src/outbox/enqueue-email.ts',
      'src/outbox/outbox-queue.ts',
      'src/templates/template-service.ts',
      'src/providers/microsoft/graph/graph-request.ts',
      'src/jira/jira-client.ts',
    ];
    expect(among(loaded.files, dialog)).toEqual([]);
    expect(loaded.externals).not.toContain('node:crypto');
  });

  it('the dialog opens without the outbox or Graph, and follows an email with the email log alone', async () => {
    const compose = await loadedBy(
      'src/resolvers/issue-action/compose-functions.ts',
      'src/composition/issue-action/compose-root.ts',
    );
    const outboxAndGraph = [
      'src/outbox/enqueue-email.ts',
      'src/outbox/outbox-queue.ts',
      'src/providers/microsoft/graph/graph-request.ts',
    ];
    expect(among(compose.files, outboxAndGraph)).toEqual([]);
    const status = await loadedBy(
      'src/resolvers/issue-action/status-functions.ts',
      'src/composition/issue-action/status-root.ts',
    );
    const beyondTheLog = [
      'src/templates/template-service.ts',
      'src/credentials/credential-service.ts',
      'src/providers/microsoft/graph/graph-request.ts',
      'src/jira/jira-client.ts',
      'src/mail/email-draft.ts',
    ];
    expect(among(status.files, beyondTheLog)).toEqual([]);
  });

  it.each(['src/resolvers/admin-resolver.ts', 'src/resolvers/issue-action-resolver.ts'])(
    "%s starts with the render thread module: a render thread runs the function's own bundle",
    async (entry) => {
      expect(among((await loadedBy(entry)).files, ['src/templates/render-thread.ts'])).toEqual([
        'src/templates/render-thread.ts',
      ]);
    },
  );
});
