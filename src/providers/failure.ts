import { GOOGLE_CODES_NEEDING_ADMIN } from './google/failure';
import { GRAPH_CODES_NEEDING_ADMIN } from './microsoft/failure';

/** Every mail service's codes that only an admin can fix, for the sender's remedy (outbox/sender-remedy.ts). */
export const MAIL_SERVICE_CODES_NEEDING_ADMIN: readonly string[] = [
  ...GRAPH_CODES_NEEDING_ADMIN,
  ...GOOGLE_CODES_NEEDING_ADMIN,
];
