import type { DeliveryStatus } from '../../../../src/contract';

export const DELIVERY_STATUS_LABELS: Readonly<Record<DeliveryStatus, string>> = {
  queued: 'Queued',
  sending: 'Sending',
  retrying: 'Retrying',
  sent: 'Sent',
  failed: 'Failed',
};

/**
 * ADS lozenge appearances: waiting is "default", work under way is "inprogress", and the two ends are "success"
 * and "removed", as Jira shows statuses.
 */
export const DELIVERY_STATUS_APPEARANCES: Readonly<Record<DeliveryStatus, string>> = {
  queued: 'im-lozenge',
  sending: 'im-lozenge im-lozenge--in-progress',
  retrying: 'im-lozenge im-lozenge--in-progress',
  sent: 'im-lozenge im-lozenge--success',
  failed: 'im-lozenge im-lozenge--danger',
};

/** The outbox still owns the email: its status will change without anyone pressing a button. */
export const isInFlight = (status: DeliveryStatus) =>
  status === 'queued' || status === 'sending' || status === 'retrying';
