import * as appEntry from '../../../src/index';
import type { ForgeHandler } from '../runtime-types';
import type { AppManifest } from './manifest-modules';

export class HandlerNotFoundError extends Error {
  override name = 'HandlerNotFoundError';
  readonly code = 'HANDLER_NOT_FOUND';
}

/**
 * Function key -> the export of src/index.ts that manifest.yml names (`index.adminResolver`), imported in this
 * process exactly as Forge bundles it.
 */
export function resolveHandlers(
  manifest: AppManifest,
  entry: Record<string, unknown> = appEntry,
): Map<string, ForgeHandler> {
  const handlers = new Map<string, ForgeHandler>();
  for (const [functionKey, handler] of manifest.functions) {
    const [file, exportName] = handler.split('.') as [string, string];
    if (file !== 'index') {
      throw new HandlerNotFoundError(`Function ${functionKey}: handler ${handler} is not in src/index.ts.`);
    }
    const exported = entry[exportName];
    if (typeof exported !== 'function') {
      throw new HandlerNotFoundError(`Function ${functionKey}: src/index.ts has no function export ${exportName}.`);
    }
    handlers.set(functionKey, exported as ForgeHandler);
  }
  return handlers;
}
