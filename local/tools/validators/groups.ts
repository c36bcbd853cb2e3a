import { emailRecordSchema } from '../../../src/outbox/email-record-schema';
import type { ValidatorGroup } from './generate';

/** The zod schemas the email worker validates with, generated into src/generated (see src/shared/validator.ts). */
export const VALIDATOR_GROUPS: readonly ValidatorGroup[] = [
  {
    name: 'email-record',
    source: 'src/outbox/email-record-schema.ts',
    schemas: { validateEmailRecord: emailRecordSchema },
  },
];
