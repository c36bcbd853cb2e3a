/** What the platform passes a scheduled trigger first; nothing in it is needed here. */
export interface ScheduledTriggerEvent {
  context?: { cloudId?: string; moduleKey?: string };
}

/**
 * What a scheduled trigger function answers: Forge expects this response shape and records 424 (Failed
 * dependency) for anything else. https://developer.atlassian.com/platform/forge/function-reference/scheduled-trigger/
 */
export interface ScheduledTriggerResponse {
  statusCode: number;
}

export const TRIGGER_DONE: ScheduledTriggerResponse = { statusCode: 200 };
