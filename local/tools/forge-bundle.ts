import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { parse } from 'yaml';

/**
 * The bundle step of `forge deploy`, offline: `@forge/bundler`'s NodeBundler (webpack + ts-loader reading the app's
 * root tsconfig.json), one entry point per handler file that `modules.function` names, exactly as the CLI builds
 * them before uploading. What the CLI downloads (the runtime wrapper and loader scripts) is replaced by small
 * stand-ins: they are Forge's, not the app's, and the local host never runs them.
 * See ../shared/reference/forge-runtime.md ("What `forge deploy` really builds") and
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/function/ (handler = file.export).
 */

export const ROOT = path.resolve(__dirname, '..', '..');
/** Where `npm run bundle` writes the bundles; the local host runs the app from here with `--bundle`. */
export const DEFAULT_BUNDLE_DIR = path.join(ROOT, 'build', 'forge-bundle');

/** `@forge/manifest`'s SOURCE_DIRECTORY: handler files live in src/ unless `app.package.path` says otherwise. */
const SOURCE_DIRECTORY = 'src';

export interface BundledEntry {
  /** The handler file, e.g. 'resolvers/admin-resolver' for `resolvers/admin-resolver.handler`. */
  name: string;
  /** The bundle, e.g. build/forge-bundle/resolvers/admin-resolver.cjs. */
  file: string;
  bytes: number;
  /** The manifest functions whose handler is in this file: function key -> export name. */
  functions: Record<string, string>;
}

export interface ForgeBundleResult {
  outDir: string;
  entries: BundledEntry[];
  /**
   * The other files webpack wrote beside the entries: chunks that an entry loads on first use (a dynamic
   * `import()`, e.g. the template engine), relative to outDir, with their bytes.
   */
  chunks: Array<{ file: string; bytes: number }>;
  /** Webpack's warnings, as the CLI would print them. */
  warnings: string[];
}

export class ForgeBundleError extends Error {
  override name = 'ForgeBundleError';
  readonly code = 'FORGE_BUNDLE_FAILED';
}

interface ManifestFunction {
  key: string;
  handler: string;
}

const readFunctions = (manifest: unknown): ManifestFunction[] => {
  const modules = (manifest as { modules?: { function?: unknown } } | null)?.modules;
  const functions = modules?.function;
  if (!Array.isArray(functions) || functions.length === 0) {
    throw new ForgeBundleError('manifest.yml declares no modules.function to bundle');
  }
  return functions.map((fn: unknown, index) => {
    const { key, handler } = (fn ?? {}) as { key?: unknown; handler?: unknown };
    if (typeof key !== 'string' || typeof handler !== 'string' || !/^[\w-]+(\/[\w-]+)*\.\w+$/.test(handler)) {
      throw new ForgeBundleError(`modules.function[${index}] needs a key and a handler of the form file.export`);
    }
    return { key, handler };
  });
};

/**
 * A handler `resolvers/admin-resolver.handler` -> file 'resolvers/admin-resolver', export 'handler' (the CLI's
 * split on the last '.').
 */
export const splitHandler = (handler: string): { file: string; exportName: string } => {
  const dot = handler.lastIndexOf('.');
  return { file: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
};

const offlineScript = (what: string) => ({
  script: `// Offline stand-in for Forge's Node runtime ${what}; forge deploy downloads the real one.\n`,
  source: 'offline',
  version: '0.0.0-offline',
});

/** The bundle files `bundleForge` writes for the app in `root`: one per handler file manifest.yml names. */
export const bundledHandlerFiles = async (root: string = ROOT): Promise<string[]> => {
  const manifest: unknown = parse(await readFile(path.join(root, 'manifest.yml'), 'utf8'));
  return [...new Set(readFunctions(manifest).map(({ handler }) => `${splitHandler(handler).file}.cjs`))];
};

/** Runs Forge's bundler over the app in `root` and writes the bundles to `outDir` (emptied first). */
export const bundleForge = async (
  options: { root?: string; outDir?: string; log?: (line: string) => void } = {},
): Promise<ForgeBundleResult> => {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? DEFAULT_BUNDLE_DIR;
  const log = options.log ?? (() => undefined);
  const manifest: unknown = parse(await readFile(path.join(root, 'manifest.yml'), 'utf8'));
  const functions = readFunctions(manifest);
  const handlers = functions.map(({ key, handler }) => ({ key, handler, module: splitHandler(handler).file }));
  // getEntryPoints' rule (one entry per distinct handler file, src/<file>), resolved against the app root instead
  // of the process's working directory.
  const entryPoints = [...new Set(handlers.map((h) => h.module))].map((name) => ({
    name,
    path: path.resolve(root, SOURCE_DIRECTORY, name),
  }));

  const { getNodeBundler } = await import('@forge/bundler');
  const warnings: string[] = [];
  const logger: Parameters<typeof getNodeBundler>[0] = {
    traceEnabled: false,
    debugEnabled: false,
    trace: () => undefined,
    debug: () => undefined,
    info: (message) => log(message),
    warn: (message) => warnings.push(message),
    error: (error) => log(error.message),
  };
  const wrapperProvider = {
    getNodeRuntimeWrapper: () => Promise.resolve(offlineScript('wrapper')),
    getNodeRuntimeLoader: () => Promise.resolve(offlineScript('loader')),
  };
  const configReader = { readConfig: () => Promise.resolve(manifest) } as unknown as Parameters<
    typeof getNodeBundler
  >[2];
  let output: Awaited<ReturnType<ReturnType<typeof getNodeBundler>['bundle']>>;
  try {
    output = await getNodeBundler(logger, wrapperProvider, configReader).bundle({ appDirectory: root, entryPoints });
  } catch (error) {
    throw new ForgeBundleError(`@forge/bundler failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await cp(output.outputDir, outDir, { recursive: true });
  await rm(output.outputDir, { recursive: true, force: true });
  for (const [name, content] of output.additionalOutputs ?? []) {
    const target = path.join(outDir, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, typeof content === 'string' ? await readFile(content) : content);
  }

  const written = new Set((await readdir(outDir, { recursive: true })).map((file) => file.split(path.sep).join('/')));
  const entries: BundledEntry[] = [];
  for (const { name } of entryPoints) {
    const file = path.join(outDir, `${name}.cjs`);
    if (!written.has(`${name}.cjs`)) throw new ForgeBundleError(`@forge/bundler wrote no ${name}.cjs for src/${name}`);
    const owned = handlers.filter((h) => h.module === name);
    entries.push({
      name,
      file,
      bytes: (await stat(file)).size,
      functions: Object.fromEntries(owned.map((h) => [h.key, splitHandler(h.handler).exportName])),
    });
  }
  const entryFiles = new Set(entryPoints.map(({ name }) => `${name}.cjs`));
  const chunks: ForgeBundleResult['chunks'] = [];
  for (const file of [...written].sort()) {
    if (!file.endsWith('.cjs') || entryFiles.has(file) || path.basename(file).startsWith('__forge')) continue;
    chunks.push({ file, bytes: (await stat(path.join(outDir, file))).size });
  }
  return { outDir, entries, chunks, warnings };
};

/**
 * Loads each bundle as Forge's runtime would (CommonJS `require`) and lists the manifest functions whose export is
 * missing or not a function: those would fail on Forge with "handler not found".
 */
export const missingHandlers = (result: ForgeBundleResult): string[] => {
  const missing: string[] = [];
  for (const entry of result.entries) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle, loaded as Forge loads it
    const loaded = require(entry.file) as Record<string, unknown>;
    for (const [functionKey, exportName] of Object.entries(entry.functions)) {
      if (typeof loaded[exportName] !== 'function') missing.push(`${functionKey} (${entry.name}.${exportName})`);
    }
  }
  return missing;
};
