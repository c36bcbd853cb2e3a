import type { IncomingStatus } from '../../../../src/contract';

export const INCOMING_STATUS_LABELS: Readonly<Record<IncomingStatus, string>> = {
  processing: 'Processing',
  created: 'Created',
  commented: 'Commented',
  ignored: 'Ignored',
  held: 'Held',
  failed: 'Failed',
};

/**
 * ADS lozenge appearances, as the email log shows its statuses: work under way is "inprogress", written to Jira is
 * "success", set aside is "default", waiting for an admin is a warning, failed is "removed".
 */
export const INCOMING_STATUS_APPEARANCES: Readonly<Record<IncomingStatus, string>> = {
  processing: 'im-lozenge im-lozenge--in-progress',
  created: 'im-lozenge im-lozenge--success',
  commented: 'im-lozenge im-lozenge--success',
  ignored: 'im-lozenge',
  held: 'im-lozenge im-lozenge--warning',
  failed: 'im-lozenge im-lozenge--danger',
};

/** Where a message stands, as an ADS lozenge. */
export const IncomingLozenge = ({ status }: { status: IncomingStatus }) => (
  <span className={INCOMING_STATUS_APPEARANCES[status]}>{INCOMING_STATUS_LABELS[status]}</span>
);
