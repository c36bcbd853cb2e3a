import type { DeliveryProgress } from './delivery-tracker';
import { formatClockTime, plural } from './format';

export type DeliveryAppearance = 'progress' | 'success' | 'error' | 'information' | 'warning';

export const WHERE_TO_LOOK = "Its status is in the History tab and in the admin's email log.";

const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** What the dialog says about a queued email, from "Queued: waiting to be sent..." to "Sent to 2 people". */
export const deliveryText = (progress: DeliveryProgress): string => {
  const { view } = progress;
  if (progress.phase === 'timedOut') return `Still on its way. ${WHERE_TO_LOOK}`;
  if (progress.phase === 'unreadable')
    return `Could not check on the email: ${sentence(progress.error.message)} ${WHERE_TO_LOOK}`;
  switch (view.status) {
    case 'queued':
      return 'Queued: waiting to be sent...';
    case 'sending':
      return 'Sending...';
    case 'retrying': {
      // `attempts` counts the attempts made; the one waited for is the next.
      const when = view.nextAttemptAt ? `at ${formatClockTime(view.nextAttemptAt)}` : 'soon';
      return `Microsoft 365 asked to wait; trying again ${when} (attempt ${view.attempts + 1})`;
    }
    case 'sent':
      return `Sent to ${plural(view.recipientCount, 'person', 'people')}`;
    case 'failed':
      return view.lastError ? `Not sent: ${view.lastError.message}` : 'Not sent.';
  }
};

/** From this wait on, the dialog says under the status that the email is still being sent, and when it looks again. */
export const NOTE_FROM_MS = 5000;

/** "Still being sent; checking again at 21:14:35." while the next read is a while away; otherwise nothing. */
export const deliveryNote = (progress: DeliveryProgress): string | null =>
  progress.phase === 'following' && progress.nextReadInMs >= NOTE_FROM_MS
    ? `Still being sent; checking again at ${formatClockTime(new Date(progress.nextReadAt).toISOString())}.`
    : null;

export const deliveryAppearance = (progress: DeliveryProgress): DeliveryAppearance => {
  if (progress.phase === 'timedOut') return 'information';
  if (progress.phase === 'unreadable') return 'warning';
  if (progress.view.status === 'sent') return 'success';
  if (progress.view.status === 'failed') return 'error';
  return 'progress';
};
