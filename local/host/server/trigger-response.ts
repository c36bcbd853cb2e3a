import { z } from 'zod';

/**
 * The response a scheduled trigger or web trigger function must answer: `{ statusCode, headers?, body?,
 * statusText? }`. For a scheduled trigger, "if the response from your app does not follow that structure, the
 * platform records an error with a status code of 424 Failed dependency"
 * (https://developer.atlassian.com/platform/forge/function-reference/scheduled-trigger/); a web trigger's caller then
 * gets "an error response with status code 500" (https://developer.atlassian.com/platform/forge/runtime-reference/web-trigger/).
 */
export const FAILED_DEPENDENCY = 424;

const triggerResponseSchema = z.object({
  statusCode: z.number().int().min(100).max(599),
  statusText: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional(),
});

export type TriggerResponse = z.infer<typeof triggerResponseSchema>;

export type TriggerResponseCheck =
  { ok: true; response: TriggerResponse } | { ok: false; statusCode: typeof FAILED_DEPENDENCY; reason: string };

/** Checks a trigger function's answer against the documented response; a misfit is what Forge records as 424. */
export const checkTriggerResponse = (answer: unknown): TriggerResponseCheck => {
  const parsed = triggerResponseSchema.safeParse(answer);
  if (parsed.success) return { ok: true, response: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return {
    ok: false,
    statusCode: FAILED_DEPENDENCY,
    reason: `the answer is not the documented trigger response { statusCode, headers?, body? } (${where}${issue?.message ?? 'invalid'})`,
  };
};
