import { z } from 'zod';

import type { IndexedEntityProperty } from './types';

/** One `jira:entityProperty` module as the manifest declares it (the fields the local site reads). */
const moduleSchema = z.object({
  entityType: z.enum(['issue', 'user', 'project']).optional(),
  propertyKey: z.string().min(1),
  values: z.array(
    z.object({
      path: z.string().min(1),
      type: z.enum(['number', 'string', 'text', 'user', 'date']),
      searchAlias: z.string().optional(),
    }),
  ),
});

/**
 * The entity property values an app's manifest (parsed YAML) asks Jira to index: its `jira:entityProperty`
 * modules (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/), for
 * `createJiraEmulator({ indexedEntityProperties })`. A module of another shape is skipped.
 */
export const entityPropertyIndexesOf = (manifest: unknown): IndexedEntityProperty[] => {
  const modules =
    typeof manifest === 'object' && manifest !== null
      ? ((manifest as { modules?: Record<string, unknown> }).modules?.['jira:entityProperty'] ?? [])
      : [];
  return (Array.isArray(modules) ? (modules as unknown[]) : []).flatMap((module) => {
    const parsed = moduleSchema.safeParse(module);
    return parsed.success ? [parsed.data] : [];
  });
};
