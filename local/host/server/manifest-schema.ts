import { z } from 'zod';

import { ENTITY_ATTRIBUTE_TYPES } from '../runtime/entity-query';
import { displayConditionsSchema } from './display-conditions';
import { TRIGGER_INTERVALS } from './manifest-types';
import { MODULE_KEY } from './module-key';

const uiModuleSchema = z.object({
  key: z.string().min(1),
  resource: z.string().min(1),
  resolver: z.object({ function: z.string().min(1) }).optional(),
  title: z.string().default(''),
  viewportSize: z.string().optional(),
  displayConditions: displayConditionsSchema.optional(),
});

/**
 * Forge's product event filter. Jira expressions (`expression`) cannot be evaluated locally, so a manifest that
 * uses one is refused rather than delivered events Forge would have filtered out.
 */
const eventFilterSchema = z
  .object({
    ignoreSelf: z.boolean().optional(),
    expression: z
      .undefined({ message: 'filter.expression (a Jira expression) is not supported by the local host' })
      .optional(),
    onError: z.string().optional(),
    appIsLicensed: z.boolean().optional(),
  })
  .strict();

const triggerSchema = z.object({
  key: z.string().regex(MODULE_KEY),
  function: z.string().min(1),
  events: z.union([
    z.array(z.string().min(1)).min(1),
    z.array(z.object({ eventType: z.string().min(1), filter: eventFilterSchema })).min(1),
  ]),
  filter: eventFilterSchema.optional(),
});

/** @forge/events' queue name pattern. */
const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

/** Where Atlassian describes the change from @forge/events 1.x consumers to today's. */
export const CONSUMER_UPGRADE_DOC =
  'https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade/';

/**
 * The consumer module as documented today: `{ key, queue, function }`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/consumer/). The @forge/events 1.x form,
 * `resolver: { function, method }`, still passes Atlassian's manifest validator, but its function would be invoked
 * with an AsyncEvent that a resolver cannot read: refused here with a message that names the change.
 */
const consumerSchema = z
  .object({
    key: z.string().regex(MODULE_KEY),
    queue: z.string().regex(QUEUE_NAME),
    function: z.string().min(1).optional(),
    resolver: z.unknown().optional(),
    crossVersion: z.boolean().optional(),
  })
  .superRefine((consumer, context) => {
    if (consumer.resolver !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['resolver'],
        message:
          `consumer ${consumer.key} uses the @forge/events 1.x form "resolver: { function, method }". Since @forge/events 2 ` +
          `"Forge resolvers are no longer used. The Consumer module instead requires a Function": write "function: <function key>" ` +
          `and read the AsyncEvent (event.body, event.jobId, event.retryContext) in the handler. See ${CONSUMER_UPGRADE_DOC}`,
      });
    } else if (consumer.function === undefined) {
      context.addIssue({ code: 'custom', path: ['function'], message: `consumer ${consumer.key} names no function` });
    }
  });

const entityIndexSchema = z.union([
  z.string().min(1),
  z.object({
    name: z.string().min(1),
    range: z.array(z.string().min(1)).length(1),
    partition: z.array(z.string().min(1)).optional(),
  }),
]);

const entitySchema = z.object({
  name: z.string().min(1),
  attributes: z.record(z.string(), z.object({ type: z.enum(ENTITY_ATTRIBUTE_TYPES) })),
  indexes: z.array(entityIndexSchema).default([]),
});

/** Forge's function memory bounds (@forge/manifest's MemoryMB: 128 to 1024, in 1 MB steps). */
const memoryMbSchema = z.number().int().min(128).max(1024);

export const manifestSchema = z.object({
  app: z.object({
    id: z.string().min(1),
    runtime: z.object({ memoryMB: memoryMbSchema.optional() }).passthrough().optional(),
    storage: z.object({ entities: z.array(entitySchema).default([]) }).optional(),
  }),
  modules: z
    .object({
      'jira:adminPage': z.array(uiModuleSchema).default([]),
      'jira:issueAction': z.array(uiModuleSchema).default([]),
      scheduledTrigger: z
        .array(
          z.object({
            key: z.string().regex(MODULE_KEY),
            function: z.string().min(1),
            interval: z.enum(TRIGGER_INTERVALS),
          }),
        )
        .default([]),
      consumer: z.array(consumerSchema).default([]),
      trigger: z.array(triggerSchema).default([]),
      // https://developer.atlassian.com/platform/forge/manifest-reference/modules/web-trigger/: the function's own
      // answer is the HTTP response ("dynamic", the default); responses fixed in the manifest ("static") are not
      // emulated. `request.authentication` and `urlFormat` are @forge/manifest 13.7.0's (RequestOptions, UrlFormat);
      // HMAC authentication is not emulated, so it is refused rather than silently left off. Other keys are refused,
      // as Forge's schema refuses them.
      webtrigger: z
        .array(
          z
            .object({
              key: z.string().regex(MODULE_KEY),
              function: z.string().min(1),
              response: z
                .object({
                  type: z.literal('dynamic', {
                    message: 'only dynamic web trigger responses are supported by the local host',
                  }),
                })
                .passthrough()
                .optional(),
              request: z
                .object({
                  authentication: z
                    .literal('none', {
                      message:
                        'hmacSharedSecret web trigger authentication is not emulated by the local host; use none and authenticate in the function',
                    })
                    .optional(),
                })
                .strict()
                .optional(),
              urlFormat: z.enum(['v1', 'v2']).optional(),
            })
            .strict(),
        )
        .default([]),
      function: z
        .array(
          z.object({
            key: z.string().min(1),
            // file.export, the file a path under src/ that may name folders (`resolvers/admin-resolver.handler`):
            // @forge/manifest's own pattern, ^([\p{Alpha}\d_-]+(?:\/[\p{Alpha}\d_-]+)*)\.([\p{Alpha}\d_-]+)$
            // (https://developer.atlassian.com/platform/forge/manifest-reference/modules/function/).
            handler: z.string().regex(/^[\w-]+(\/[\w-]+)*\.[\w-]+$/),
            // Forge's schema: 1-900 s; the module type may allow less (checked when the function runs).
            timeoutSeconds: z.number().min(1).max(900).optional(),
            runtime: z.object({ memoryMB: memoryMbSchema.optional() }).optional(),
          }),
        )
        .default([]),
    })
    .passthrough(),
  resources: z.array(z.object({ key: z.string().min(1), path: z.string().min(1) })).default([]),
  permissions: z
    .object({
      content: z
        .object({ styles: z.array(z.string()).default([]) })
        .partial()
        .optional(),
      // A list of scopes, or scope -> { allowImpersonation } (@forge/manifest's `Scopes`).
      scopes: z
        .union([
          z.array(z.string()),
          z.record(z.string(), z.object({ allowImpersonation: z.boolean().optional() }).passthrough().nullable()),
        ])
        .optional(),
    })
    .passthrough()
    .optional(),
});

export type ManifestData = z.infer<typeof manifestSchema>;
