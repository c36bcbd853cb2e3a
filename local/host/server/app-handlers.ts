import path from 'node:path';

import { isolatedHandler } from '../runtime';
import type { ForgeConsumerHandler, ForgeHandler, ForgeTriggerHandler } from '../runtime-types';
import { type AppManifest, DEFAULT_FUNCTION_MEMORY_MB } from './manifest-modules';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');

/**
 * Where the host takes the app's code from: the TypeScript sources (src/<file>.ts, through tsx or jest's
 * transform), or the bundles that `npm run bundle` made with Forge's own bundler (<dir>/<file>.cjs): what
 * `forge deploy` would upload.
 */
export type AppCode = 'sources' | { bundleDir: string };

/** The exports of one handler file ('resolvers/admin-resolver' for `resolvers/admin-resolver.handler`). */
export type HandlerFiles = (file: string) => Record<string, unknown>;

/**
 * The file that holds a handler file's code: src/<file>.ts, or the bundle <dir>/<file>.cjs (`file` keeps its folders,
 * e.g. resolvers/admin-resolver: one bundle per function, in the folders of its source).
 */
export const handlerModulePath = (code: AppCode, file: string): string =>
  code === 'sources' ? path.join(PROJECT_ROOT, 'src', `${file}.ts`) : path.join(code.bundleDir, `${file}.cjs`);

/**
 * Every manifest function as a stand-in that the runtime runs in a worker process (each invocation in a process of
 * its own, with the function's memory), loading the same code a handler from `handlerFiles(code)` would.
 */
export const isolatedHandlers = (manifest: AppManifest, code: AppCode = 'sources'): HandlerFiles => {
  const byFile = new Map<string, Record<string, unknown>>();
  for (const [functionKey, handler] of manifest.functions) {
    const dot = handler.lastIndexOf('.');
    const file = handler.slice(0, dot);
    const exportName = handler.slice(dot + 1);
    const exports = byFile.get(file) ?? {};
    exports[exportName] = isolatedHandler(functionKey, {
      module: handlerModulePath(code, file),
      export: exportName,
      memoryMB: manifest.memoryMB.get(functionKey) ?? DEFAULT_FUNCTION_MEMORY_MB,
    });
    byFile.set(file, exports);
  }
  return (file) => byFile.get(file) ?? {};
};

/** Loads handler files lazily, each once, from the sources or the bundles. */
export const handlerFiles = (code: AppCode = 'sources'): HandlerFiles => {
  const loaded = new Map<string, Record<string, unknown>>();
  return (file) => {
    let exports = loaded.get(file);
    if (exports === undefined) {
      const modulePath = handlerModulePath(code, file);
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- Forge loads a bundle with require, too
        exports = require(modulePath) as Record<string, unknown>;
      } catch (error) {
        throw new HandlerNotFoundError(
          `Cannot load the handler file ${modulePath}${code === 'sources' ? '' : ' (run npm run bundle)'}.`,
          {
            cause: error,
          },
        );
      }
      loaded.set(file, exports);
    }
    return exports;
  };
};

/** A fixture app's exports stand for its one handler file, `index` (the app's own functions each have a file). */
type EntryOrFiles = Record<string, unknown> | HandlerFiles;

const filesOf = (entry: EntryOrFiles | undefined): HandlerFiles => {
  if (entry === undefined) return handlerFiles();
  return typeof entry === 'function' ? entry : (file) => (file === 'index' ? entry : {});
};

export class HandlerNotFoundError extends Error {
  override name = 'HandlerNotFoundError';
  readonly code = 'HANDLER_NOT_FOUND';
}

/**
 * The export that a manifest `handler` names (`resolvers/admin-resolver.handler`: file `resolvers/admin-resolver`,
 * export `handler`).
 */
const exportFor = (functionKey: string, handler: string, files: HandlerFiles): unknown => {
  const dot = handler.lastIndexOf('.');
  const file = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  const exported = files(file)[exportName];
  if (typeof exported !== 'function') {
    throw new HandlerNotFoundError(`Function ${functionKey}: src/${file}.ts has no function export ${exportName}.`);
  }
  return exported;
};

/**
 * Function key -> the export that manifest.yml names for it (`resolvers/admin-resolver.handler`: the `handler`
 * export of src/resolvers/admin-resolver.ts, or of its bundle), imported in this process as Forge loads it.
 */
export const resolveHandlers = (manifest: AppManifest, entry?: EntryOrFiles): Map<string, ForgeHandler> => {
  const files = filesOf(entry);
  const handlers = new Map<string, ForgeHandler>();
  for (const [functionKey, handler] of manifest.functions) {
    handlers.set(functionKey, exportFor(functionKey, handler, files) as ForgeHandler);
  }
  return handlers;
};

/** Function key -> export, for the functions that scheduled triggers invoke (they take a trigger event). */
export const resolveTriggerHandlers = (
  manifest: AppManifest,
  entry?: EntryOrFiles,
): Map<string, ForgeTriggerHandler> => {
  const files = filesOf(entry);
  const handlers = new Map<string, ForgeTriggerHandler>();
  for (const trigger of manifest.scheduledTriggers) {
    const handler = manifest.functions.get(trigger.functionKey) ?? '';
    handlers.set(trigger.functionKey, exportFor(trigger.functionKey, handler, files) as ForgeTriggerHandler);
  }
  return handlers;
};

/** Function key -> export, for the functions that consumer modules invoke with an AsyncEvent. */
export const resolveConsumerHandlers = (
  manifest: AppManifest,
  entry?: EntryOrFiles,
): Map<string, ForgeConsumerHandler> => {
  const files = filesOf(entry);
  const handlers = new Map<string, ForgeConsumerHandler>();
  for (const consumer of manifest.consumers) {
    const handler = manifest.functions.get(consumer.functionKey) ?? '';
    handlers.set(consumer.functionKey, exportFor(consumer.functionKey, handler, files) as ForgeConsumerHandler);
  }
  return handlers;
};

/** Function key -> export, for the functions that `trigger` modules invoke with product events. */
export const resolveProductTriggerHandlers = (
  manifest: AppManifest,
  entry?: EntryOrFiles,
): Map<string, ForgeTriggerHandler> => {
  const files = filesOf(entry);
  const handlers = new Map<string, ForgeTriggerHandler>();
  for (const trigger of manifest.productTriggers) {
    const handler = manifest.functions.get(trigger.functionKey) ?? '';
    handlers.set(trigger.functionKey, exportFor(trigger.functionKey, handler, files) as ForgeTriggerHandler);
  }
  return handlers;
};

/** Function key -> export, for the functions that `webtrigger` modules invoke with an HTTP request. */
export const resolveWebTriggerHandlers = (
  manifest: AppManifest,
  entry?: EntryOrFiles,
): Map<string, ForgeTriggerHandler> => {
  const files = filesOf(entry);
  const handlers = new Map<string, ForgeTriggerHandler>();
  for (const trigger of manifest.webTriggers) {
    const handler = manifest.functions.get(trigger.functionKey) ?? '';
    handlers.set(trigger.functionKey, exportFor(trigger.functionKey, handler, files) as ForgeTriggerHandler);
  }
  return handlers;
};
