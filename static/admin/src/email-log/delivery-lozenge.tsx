import type { DeliveryStatus } from '../../../../src/contract';
import { DELIVERY_STATUS_APPEARANCES, DELIVERY_STATUS_LABELS } from './delivery-status';

/** Where an email stands, as an ADS lozenge. */
export const DeliveryLozenge = ({ status }: { status: DeliveryStatus }) => (
  <span className={DELIVERY_STATUS_APPEARANCES[status]}>{DELIVERY_STATUS_LABELS[status]}</span>
);
