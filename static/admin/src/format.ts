const DAY_MS = 24 * 60 * 60 * 1000;
/** Entra secrets live up to 24 months; a month's notice leaves time to rotate. */
const EXPIRY_WARNING_DAYS = 30;

export type ExpiryState = 'none' | 'ok' | 'soon' | 'expired';

/** `expiresOn` is the YYYY-MM-DD Entra shows; the secret stops working at the end of that day (UTC). */
export function secretExpiryState(expiresOn: string | undefined, now: Date): ExpiryState {
  if (!expiresOn) return 'none';
  const end = Date.parse(`${expiresOn}T23:59:59Z`);
  if (Number.isNaN(end)) return 'none';
  if (end < now.getTime()) return 'expired';
  return end - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS ? 'soon' : 'ok';
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
}
