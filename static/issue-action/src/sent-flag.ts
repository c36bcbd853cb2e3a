import type { EmailDeliveryView } from '../../../src/contract/email-log';
import { plural } from './format';

/** The "Email sent" flag's text, shown once Microsoft 365 accepted the queued email. */
export const sentFlagDescription = (issueKey: string, view: Pick<EmailDeliveryView, 'recipientCount'>): string =>
  `${issueKey} was emailed to ${plural(view.recipientCount, 'recipient')}.`;
