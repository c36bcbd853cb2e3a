import { z } from 'zod';

import type { RuntimeStats } from '../runtime-types';
import { ENTITY_ATTRIBUTE_TYPES } from './entity-query';

const entityDefinitionSchema = z.object({
  name: z.string().min(1),
  attributes: z.record(z.string(), z.object({ type: z.enum(ENTITY_ATTRIBUTE_TYPES) })).optional(),
  indexes: z
    .array(
      z.union([
        z.string().min(1),
        z.object({
          name: z.string().min(1),
          range: z.array(z.string().min(1)),
          partition: z.array(z.string().min(1)).optional(),
        }),
      ]),
    )
    .optional(),
});

/** A resolver call from a UI module, run with `runtime.invoke`. */
const resolverCallSchema = z.object({
  functionKey: z.string().min(1),
  resolverFunctionKey: z.string().min(1),
  // Optional: JSON drops an undefined payload, and a resolver may be called without one.
  payload: z.unknown().optional(),
  moduleKey: z.string().min(1),
  accountId: z.string(),
  extension: z.record(z.string(), z.unknown()),
});

/**
 * One async event for a `consumer` module, run with `runtime.invokeConsumer` (ConsumerInvocationRequest): what its
 * AsyncEvent carries (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/).
 */
const consumerCallSchema = z.object({
  functionKey: z.string().min(1),
  moduleKey: z.string().min(1),
  queueName: z.string().min(1),
  body: z.record(z.string(), z.unknown()),
  jobId: z.string().min(1),
  eventId: z.string().min(1),
  concurrency: z.object({ key: z.string(), limit: z.number().int().positive() }).optional(),
  retryContext: z
    .object({ retryCount: z.number().int().nonnegative(), retryReason: z.string(), retryData: z.unknown().optional() })
    .optional(),
  timeoutSeconds: z.number().optional(),
});

export const ONE_CALL_MESSAGE = 'give either request (a resolver call) or consumer (a queue event)';

/** What a parent writes to a child-invoke process's stdin: one invocation, everything it needs to run it. */
export const childInvokeRequestSchema = z
  .object({
    /** The SQLite file the child opens (shared with the parent and other children). */
    dbPath: z.string().min(1),
    handler: z.object({
      /** Absolute path (or file URL) of the module exporting the handler, e.g. `/work/main/src/consumers/email-worker.ts`. */
      module: z.string().min(1),
      /** The export manifest.yml names, e.g. `handler`. */
      export: z.string().min(1),
    }),
    /** A resolver call; give either this or `consumer`. */
    request: resolverCallSchema.optional(),
    /** A queue event for a consumer module; give either this or `request`. */
    consumer: consumerCallSchema.optional(),
    jira: z.object({
      siteUrl: z.string().url(),
      /** Module exporting `createJiraEmulator({ siteUrl })`; `local/jira/index.ts` when omitted. */
      module: z.string().min(1).optional(),
    }),
    appId: z.string().min(1).optional(),
    environmentType: z.enum(['DEVELOPMENT', 'STAGING', 'PRODUCTION']).optional(),
    invocationTimeoutMs: z.number().int().positive().optional(),
    /**
     * A queue.sqlite to push to: @forge/events' Queue.push (and getStats, cancel) stores there, for a LocalQueue
     * in another process to deliver. Without it the child has no queue and such calls fail.
     */
    queueDbPath: z.string().min(1).optional(),
    /** The manifest's custom entities (`app.storage.entities`), so that `kvs.entity(...)` queries work. */
    entities: z.array(entityDefinitionSchema).optional(),
    /**
     * The host's web-triggers.sqlite, where it serves them and the manifest's `webtrigger` modules, so that
     * `webTrigger.getUrl`, `queryUrls` and `deleteUrl` answer with the host's URLs. Without it such calls fail.
     */
    webTriggers: z
      .object({
        dbPath: z.string().min(1),
        baseUrl: z.string().url(),
        modules: z.array(z.object({ key: z.string().min(1), urlFormat: z.enum(['v1', 'v2']).optional() })),
      })
      .optional(),
    /**
     * manifest.yml allows offline user impersonation (`allowImpersonation: true` on a scope), as the host's own
     * runtime is told (install-options.ts); without it `asUser(accountId)` for someone else is refused, as on Forge
     * (https://developer.atlassian.com/platform/forge/manifest-reference/permissions/, scopes: allowImpersonation).
     */
    allowImpersonation: z.boolean().optional(),
  })
  .superRefine((value, context) => {
    if ((value.request === undefined) === (value.consumer === undefined)) {
      context.addIssue({ code: 'custom', path: ['request'], message: ONE_CALL_MESSAGE });
    }
  });

/** What every child request carries besides its call: the shared files, the handler, Jira, the runtime's options. */
export type ChildInvokeBase = Omit<z.infer<typeof childInvokeRequestSchema>, 'request' | 'consumer'>;
export type ChildResolverCall = z.infer<typeof resolverCallSchema>;
export type ChildConsumerCall = z.infer<typeof consumerCallSchema>;

/** One invocation for a child: a resolver call (`request`) or a consumer's queue event (`consumer`). */
export type ChildInvokeRequest = ChildInvokeBase &
  ({ request: ChildResolverCall; consumer?: undefined } | { consumer: ChildConsumerCall; request?: undefined });

export interface ChildInvokeFailure {
  name: string;
  code?: string;
  message: string;
}

/**
 * What the child prints on stdout, as one JSON line. `loadMs` is the time to import the handler module (the cold
 * start), `invocationMs` the time of the invocation itself; both are for reports, not for assertions. `result` is
 * absent when the handler answered undefined.
 */
export type ChildInvokeAnswer =
  | { ok: true; result?: unknown; stats: RuntimeStats; loadMs: number; invocationMs: number }
  | { ok: false; error: ChildInvokeFailure; stats: RuntimeStats; loadMs: number; invocationMs: number };

const statsSchema = z.object({
  kvsOperations: z.number().int().nonnegative(),
  jiraRequests: z.number().int().nonnegative(),
  invocations: z.number().int().nonnegative(),
});

export const childInvokeAnswerSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    result: z.unknown().optional(),
    stats: statsSchema,
    loadMs: z.number(),
    invocationMs: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    error: z.object({ name: z.string(), code: z.string().optional(), message: z.string() }),
    stats: statsSchema,
    loadMs: z.number(),
    invocationMs: z.number(),
  }),
]);

export const CHILD_EXIT = { ok: 0, handlerFailed: 1, protocolFailed: 2 } as const;
