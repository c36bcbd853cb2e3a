/**
 * The email log's plain values, apart from its schemas (email-log.ts) so that code needing only these (the email
 * worker) does not build every email log schema when it loads.
 */

/**
 * Where an email stands in the outbox. `queued`: waiting for its turn (pacing or a new job); `sending`: a worker
 * is handing it to Microsoft 365; `retrying`: an attempt failed in a way that a later one can fix, the next is
 * scheduled; `sent`: Microsoft 365 accepted it (202); `failed`: it will not be tried again without "Resend".
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'retrying', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Email ids are UUIDs the app makes when it queues an email. */
export const EMAIL_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Days the email log keeps an email when the admin has not chosen. */
export const DEFAULT_RETENTION_DAYS = 90;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;

/** What the email log says of a cursor it cannot use: from a page gone stale, or never its own. */
export const CURSOR_MESSAGE = 'This page of the email log is out of date. Start again from the first page.';

/**
 * Storage cursors are opaque, but made of base64 and URL-safe characters: anything else (control or bidi characters,
 * spaces) is a validation error before storage is asked.
 */
export const EMAIL_LOG_CURSOR_PATTERN = /^[A-Za-z0-9+/=_.:-]{1,4000}$/;
