import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { parse } from 'yaml';

import { startLocalHost } from '../../local/host';
import { bundleInputsDigest, currentBundleReport } from '../../local/tools/bundle-inputs';
import {
  bundledHandlerFiles,
  bundleForge,
  DEFAULT_BUNDLE_DIR,
  ForgeBundleError,
  type ForgeBundleResult,
  missingHandlers,
  ROOT,
} from '../../local/tools/forge-bundle';
import { BUILT_IN_TEMPLATE } from '../../src/templates/built-in-template';
import { invokeAs } from '../integration/support/host-invoke';
import { DEADLINE_MESSAGE, RUNAWAY_BODY } from '../support/runaway-template';

let scratch: string;
/** The app's bundle: `npm run bundle`'s when it is current (CI bundles just before `npm test`), else a new one. */
let bundle: ForgeBundleResult;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'forge-bundle-test-'));
  const current = await currentBundleReport(
    DEFAULT_BUNDLE_DIR,
    await bundleInputsDigest(ROOT),
    await bundledHandlerFiles(),
  );
  bundle = current ?? (await bundleForge({ outDir: path.join(scratch, 'app') }));
}, 180_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("forge deploy's bundle step (@forge/bundler, offline)", () => {
  it('the root tsconfig.json lets ts-loader emit', () => {
    const read = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (file) => ts.sys.readFile(file));
    expect(read.error).toBeUndefined();
    const options = (read.config as { compilerOptions: Record<string, unknown> }).compilerOptions;
    expect(options.noEmit).toBeUndefined();
    expect(options.emitDeclarationOnly).toBeUndefined();
  });

  it('bundles every handler manifest.yml names, each a function of its bundle', async () => {
    const manifest = parse(await readFile(path.join(ROOT, 'manifest.yml'), 'utf8')) as {
      modules: { function: { key: string; handler: string }[] };
    };
    const result = bundle;

    const bundled = Object.fromEntries(
      result.entries.flatMap((entry) =>
        Object.entries(entry.functions).map(([key, name]) => [key, `${entry.name}.${name}`]),
      ),
    );
    expect(bundled).toEqual(Object.fromEntries(manifest.modules.function.map((fn) => [fn.key, fn.handler])));
    // One bundle per function, in the folders of its entry file.
    expect(result.entries.map((entry) => path.relative(result.outDir, entry.file))).toEqual(
      manifest.modules.function.map((fn) => `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.cjs`),
    );
    expect(result.entries.every((entry) => Object.keys(entry.functions).length === 1)).toBe(true);
    // The template engine is a chunk of its own, loaded on first use.
    expect(result.chunks.map((chunk) => chunk.file)).toContain('template-engine.cjs');
    expect(missingHandlers(result)).toEqual([]);
  });

  it("keeps the template engine's libraries out of every function's bundle", async () => {
    // The app's bundle; its source maps list what each file holds.
    const sourcesOf = async (file: string): Promise<string[]> =>
      (JSON.parse(await readFile(path.join(bundle.outDir, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
    for (const file of ['consumers/email-worker.cjs', 'resolvers/admin-resolver.cjs', 'triggers/issue-events.cjs']) {
      expect(
        (await sourcesOf(file)).filter((source) => /node_modules\/(liquidjs|juice|cheerio|xss)\//.test(source)),
      ).toEqual([]);
    }
  });

  it('renders templates in a render thread of the bundle itself, stopped at the deadline', async () => {
    // The app's bundle: the admin page's render thread loads its bundle, so its code must be in there.
    const bundleDir = bundle.outDir;
    expect(await readFile(path.join(bundleDir, 'resolvers', 'admin-resolver.cjs'), 'utf8')).toContain(
      "const RENDER_THREAD_MARKER = 'issueMailerRenderThread';",
    );
    const host = await startLocalHost({
      port: 0,
      dataDir: path.join(scratch, 'host-data'),
      appCode: { bundleDir },
      scheduledTriggers: { firstRunDelayMs: 24 * 60 * 60 * 1000 },
    });
    try {
      const preview = (body: string) =>
        invokeAs(host, {
          moduleKey: 'issue-mailer-admin',
          functionKey: 'previewTemplate',
          payload: { subject: '{{ issue.key }}', body },
        });
      const normal = await preview(BUILT_IN_TEMPLATE.body);
      expect(normal).toMatchObject({ ok: true, data: { subject: 'SHOP-142', renderedWith: 'sample' } });
      expect(await preview(RUNAWAY_BODY)).toEqual({
        ok: false,
        error: {
          code: 'TEMPLATE_LIMIT_EXCEEDED',
          message: 'The template goes over one of Issue Mailer’s limits. Change the highlighted part and save again.',
          fieldErrors: { body: DEADLINE_MESSAGE },
        },
      });
      expect(await preview(BUILT_IN_TEMPLATE.body)).toEqual(normal);
    } finally {
      await host.close();
    }
  }, 120_000);

  it('fails as forge deploy does when the tsconfig says noEmit', async () => {
    const app = path.join(scratch, 'no-emit-app');
    await mkdir(path.join(app, 'src'), { recursive: true });
    await writeFile(
      path.join(app, 'manifest.yml'),
      'app:\n  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000\nmodules:\n  function:\n    - key: hello\n      handler: index.hello\n',
    );
    await writeFile(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { noEmit: true, types: [] }, include: ['src'] }),
    );
    await writeFile(path.join(app, 'src', 'index.ts'), 'export const hello = (): string => "hi";\n');

    const failure = await bundleForge({ root: app, outDir: path.join(scratch, 'no-emit-out') }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ForgeBundleError);
    expect((failure as ForgeBundleError).message).toContain(
      `TypeScript emitted no output for ${path.join(app, 'src', 'index.ts')}`,
    );
  }, 120_000);
});
