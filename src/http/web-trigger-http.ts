/**
 * A web trigger's request and answer, as the Forge docs give them (Web trigger events:
 * https://developer.atlassian.com/platform/forge/events-reference/web-trigger/): headers and query parameters as
 * arrays of strings, the body as text. Only what the app reads is named.
 */
export interface WebTriggerRequest {
  method: string;
  headers?: Record<string, string[]>;
  body?: string;
  queryParameters?: Record<string, string[]>;
  /** What follows the trigger's id in the URL ("" when nothing does). */
  userPath?: string;
}

/** "the web trigger function response still requires a statusCode field" even for `type: dynamic`. */
export interface WebTriggerResponse {
  statusCode: number;
  headers?: Record<string, string[]>;
  body?: string;
}

export const textAnswer = (statusCode: number, body: string, extra: Record<string, string[]> = {}) => ({
  statusCode,
  // nosniff: a browser never reads an echoed token as anything but text.
  headers: { 'Content-Type': ['text/plain; charset=utf-8'], 'X-Content-Type-Options': ['nosniff'], ...extra },
  body,
});
