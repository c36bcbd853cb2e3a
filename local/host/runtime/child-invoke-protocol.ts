import { z } from 'zod';
import type { RuntimeStats } from '../runtime-types';

/** What a parent writes to a child-invoke process's stdin: one invocation, everything it needs to run it. */
export const childInvokeRequestSchema = z.object({
  /** The SQLite file the child opens (shared with the parent and other children). */
  dbPath: z.string().min(1),
  handler: z.object({
    /** Absolute path (or file URL) of the module exporting the handler, e.g. `/work/main/src/index.ts`. */
    module: z.string().min(1),
    /** The export manifest.yml names, e.g. `adminResolver`. */
    export: z.string().min(1),
  }),
  request: z.object({
    functionKey: z.string().min(1),
    resolverFunctionKey: z.string().min(1),
    // Optional: JSON drops an undefined payload, and a resolver may be called without one.
    payload: z.unknown().optional(),
    moduleKey: z.string().min(1),
    accountId: z.string(),
    extension: z.record(z.string(), z.unknown()),
  }),
  jira: z.object({
    siteUrl: z.string().url(),
    /** Module exporting `createJiraEmulator({ siteUrl })`; `local/jira/index.ts` when omitted. */
    module: z.string().min(1).optional(),
  }),
  appId: z.string().min(1).optional(),
  environmentType: z.enum(['DEVELOPMENT', 'STAGING', 'PRODUCTION']).optional(),
  invocationTimeoutMs: z.number().int().positive().optional(),
});

export type ChildInvokeRequest = z.infer<typeof childInvokeRequestSchema>;

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
  z.object({ ok: z.literal(true), result: z.unknown().optional(), stats: statsSchema, loadMs: z.number(), invocationMs: z.number() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ name: z.string(), code: z.string().optional(), message: z.string() }),
    stats: statsSchema,
    loadMs: z.number(),
    invocationMs: z.number(),
  }),
]);

export const CHILD_EXIT = { ok: 0, handlerFailed: 1, protocolFailed: 2 } as const;
