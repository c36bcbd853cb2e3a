import * as z from 'zod/mini';

/*
 * A Microsoft Graph change or lifecycle notification POST as zod states it: the single source of truth, from which
 * local/tools/generate-validators.ts generates the validator the web trigger loads (validate-notifications.ts), so
 * that the trigger, which must answer Graph within 3 seconds, loads no zod.
 * Change notifications: https://learn.microsoft.com/en-us/graph/api/resources/changenotification?view=graph-rest-1.0
 * (subscriptionId, clientState, changeType, resource, resourceData.id); lifecycle notifications carry
 * `lifecycleEvent` instead of the resource (https://learn.microsoft.com/en-us/graph/change-notifications-lifecycle-events).
 * Only what the app reads is named; the rest is stripped.
 */

export const notificationSchema = z.object({
  subscriptionId: z.string().check(z.minLength(1), z.maxLength(200)),
  // The subscription page allows 128 characters and the changeNotification page 255: the longer, to read either.
  clientState: z.optional(z.string().check(z.maxLength(255))),
  changeType: z.optional(z.string()),
  resourceData: z.optional(z.object({ id: z.optional(z.string().check(z.maxLength(1024))) })),
  lifecycleEvent: z.optional(z.string()),
});

export const notificationBatchSchema = z.object({
  value: z.array(notificationSchema).check(z.maxLength(1000)),
});

export type GraphNotification = z.output<typeof notificationSchema>;
export type GraphNotificationBatch = z.output<typeof notificationBatchSchema>;
