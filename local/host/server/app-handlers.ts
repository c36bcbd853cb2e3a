import * as appEntry from '../../../src/index';
import type { ForgeHandler, ForgeTriggerHandler } from '../runtime-types';
import type { AppManifest } from './manifest-modules';

export class HandlerNotFoundError extends Error {
  override name = 'HandlerNotFoundError';
  readonly code = 'HANDLER_NOT_FOUND';
}

/** The export of src/index.ts that a manifest `handler` (`index.adminResolver`) names. */
function exportFor(functionKey: string, handler: string, entry: Record<string, unknown>): unknown {
  const [file, exportName] = handler.split('.') as [string, string];
  if (file !== 'index') {
    throw new HandlerNotFoundError(`Function ${functionKey}: handler ${handler} is not in src/index.ts.`);
  }
  const exported = entry[exportName];
  if (typeof exported !== 'function') {
    throw new HandlerNotFoundError(`Function ${functionKey}: src/index.ts has no function export ${exportName}.`);
  }
  return exported;
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
    handlers.set(functionKey, exportFor(functionKey, handler, entry) as ForgeHandler);
  }
  return handlers;
}

/** Function key -> export, for the functions that scheduled triggers invoke (they take a trigger event). */
export function resolveTriggerHandlers(
  manifest: AppManifest,
  entry: Record<string, unknown> = appEntry,
): Map<string, ForgeTriggerHandler> {
  const handlers = new Map<string, ForgeTriggerHandler>();
  for (const trigger of manifest.scheduledTriggers) {
    const handler = manifest.functions.get(trigger.functionKey) ?? '';
    handlers.set(trigger.functionKey, exportFor(trigger.functionKey, handler, entry) as ForgeTriggerHandler);
  }
  return handlers;
}

/** Function key -> export, for the functions that consumer modules invoke (resolver definitions, like UI resolvers). */
export function resolveConsumerHandlers(
  manifest: AppManifest,
  entry: Record<string, unknown> = appEntry,
): Map<string, ForgeHandler> {
  const handlers = new Map<string, ForgeHandler>();
  for (const consumer of manifest.consumers) {
    const handler = manifest.functions.get(consumer.functionKey) ?? '';
    handlers.set(consumer.functionKey, exportFor(consumer.functionKey, handler, entry) as ForgeHandler);
  }
  return handlers;
}

/** Function key -> export, for the functions that `trigger` modules invoke with product events. */
export function resolveProductTriggerHandlers(
  manifest: AppManifest,
  entry: Record<string, unknown> = appEntry,
): Map<string, ForgeTriggerHandler> {
  const handlers = new Map<string, ForgeTriggerHandler>();
  for (const trigger of manifest.productTriggers) {
    const handler = manifest.functions.get(trigger.functionKey) ?? '';
    handlers.set(trigger.functionKey, exportFor(trigger.functionKey, handler, entry) as ForgeTriggerHandler);
  }
  return handlers;
}
