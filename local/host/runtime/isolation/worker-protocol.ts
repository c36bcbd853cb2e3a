import { z } from 'zod';

/**
 * The messages between the host and a function worker (a child process that runs one invocation at a time, as a
 * Forge function container does). Everything the function sees of the platform beyond its arguments goes through
 * the platform proxy (platform-proxy.ts), addressed with the invocation's proxy token.
 */

const siteSchema = z.object({
  appId: z.string(),
  appVersion: z.string(),
  environmentId: z.string(),
  environmentType: z.enum(['DEVELOPMENT', 'STAGING', 'PRODUCTION']),
  installationId: z.string(),
  cloudId: z.string(),
  siteUrl: z.string(),
});

const scopeSchema = z.object({
  invocationId: z.string(),
  functionKey: z.string(),
  moduleKey: z.string(),
  moduleType: z.string(),
  accountId: z.string().optional(),
  deadlineMs: z.number(),
  traceId: z.string(),
  spanId: z.string(),
  proxyToken: z.string(),
});

/** One invocation for the worker: the handler to call, its first argument, and who the call is for. */
export const invokeMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int(),
  handler: z.object({ module: z.string().min(1), export: z.string().min(1) }),
  /** The handler's first argument, as JSON text (it crossed the wire on Forge, too). */
  event: z.string(),
  site: siteSchema,
  scope: scopeSchema,
  /**
   * How far the host's Date is from the machine's clock (a host with a moved clock in tests): the worker's Date
   * follows it. An offset, not the host's time, so the time the message took to arrive does not count.
   */
  hostClockOffsetMs: z.number(),
  /** The platform proxy this worker's `__forge_fetch__` calls go to (loopback). */
  proxyUrl: z.string().url(),
});

export type InvokeMessage = z.infer<typeof invokeMessageSchema>;

export const workerFailureSchema = z.object({ name: z.string(), code: z.string().optional(), message: z.string() });

/** The worker's answer: the handler's answer as JSON text (absent for undefined), or what it threw. */
export const answerMessageSchema = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('answer'), id: z.number().int(), ok: z.literal(true), result: z.string().optional() }),
  z.object({ type: z.literal('answer'), id: z.number().int(), ok: z.literal(false), error: workerFailureSchema }),
]);

export type AnswerMessage = z.infer<typeof answerMessageSchema>;

/** What the worker sends once it can take invocations. */
export const READY_MESSAGE = { type: 'ready' } as const;
