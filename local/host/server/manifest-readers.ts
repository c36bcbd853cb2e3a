import type { ManifestData } from './manifest-schema';
import {
  type ConsumerModule,
  type ManifestEntity,
  ManifestError,
  type ProductTriggerEvent,
  type ProductTriggerModule,
} from './manifest-types';

export const readConsumers = (
  manifestPath: string,
  declared: ManifestData['modules']['consumer'],
  functions: ReadonlyMap<string, string>,
  timeouts: ReadonlyMap<string, number | undefined>,
): ConsumerModule[] => {
  const byQueue = new Map<string, string>();
  return declared.map((consumer): ConsumerModule => {
    // The schema refused a consumer without a function.
    const functionKey = consumer.function ?? '';
    if (!functions.has(functionKey)) {
      throw new ManifestError(`${manifestPath}: consumer ${consumer.key} names unknown function ${functionKey}.`);
    }
    const other = byQueue.get(consumer.queue);
    if (other !== undefined) {
      throw new ManifestError(
        `${manifestPath}: consumers ${other} and ${consumer.key} both listen to queue ${consumer.queue}.`,
      );
    }
    byQueue.set(consumer.queue, consumer.key);
    return {
      key: consumer.key,
      queue: consumer.queue,
      functionKey,
      timeoutSeconds: timeouts.get(functionKey),
    };
  });
};

export const readProductTriggers = (
  manifestPath: string,
  declared: ManifestData['modules']['trigger'],
  functions: ReadonlyMap<string, string>,
  timeouts: ReadonlyMap<string, number | undefined>,
): ProductTriggerModule[] =>
  declared.map((trigger): ProductTriggerModule => {
    if (!functions.has(trigger.function)) {
      throw new ManifestError(`${manifestPath}: trigger ${trigger.key} names unknown function ${trigger.function}.`);
    }
    const moduleIgnoreSelf = trigger.filter?.ignoreSelf ?? false;
    // An event's own filter replaces the module's, as Forge reads FilteredProductEvents.
    const events = trigger.events.map((event): ProductTriggerEvent =>
      typeof event === 'string'
        ? { eventType: event, ignoreSelf: moduleIgnoreSelf }
        : { eventType: event.eventType, ignoreSelf: event.filter.ignoreSelf ?? false },
    );
    const duplicate = events.find(
      (event, index) => events.findIndex((other) => other.eventType === event.eventType) !== index,
    );
    if (duplicate)
      throw new ManifestError(`${manifestPath}: trigger ${trigger.key} lists event ${duplicate.eventType} twice.`);
    return { key: trigger.key, functionKey: trigger.function, events, timeoutSeconds: timeouts.get(trigger.function) };
  });

export const readEntities = (
  manifestPath: string,
  declared: NonNullable<ManifestData['app']['storage']>['entities'],
): ManifestEntity[] => {
  const names = new Set<string>();
  return declared.map((entity): ManifestEntity => {
    if (names.has(entity.name)) {
      throw new ManifestError(`${manifestPath}: entity ${entity.name} is declared twice.`);
    }
    names.add(entity.name);
    for (const index of entity.indexes) {
      const used = typeof index === 'string' ? [index] : [...index.range, ...(index.partition ?? [])];
      const unknown = used.find((attribute) => !(attribute in entity.attributes));
      if (unknown !== undefined) {
        const indexName = typeof index === 'string' ? index : index.name;
        throw new ManifestError(
          `${manifestPath}: index ${indexName} of entity ${entity.name} names unknown attribute ${unknown}.`,
        );
      }
    }
    return { name: entity.name, attributes: entity.attributes, indexes: entity.indexes };
  });
};
