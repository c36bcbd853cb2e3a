import { storedCredentialSchema, storedCredentialV1Schema } from '../../../src/credentials/stored-credential-schema';
import { emailRecordSchema } from '../../../src/outbox/email-record-schema';
import type { ValidatorGroup } from './generate';

/** The zod schemas the email worker validates with, generated into src/generated (see src/shared/validator.ts). */
export const VALIDATOR_GROUPS: readonly ValidatorGroup[] = [
  {
    name: 'email-record',
    source: 'src/outbox/email-record-schema.ts',
    schemas: { validateEmailRecord: emailRecordSchema },
  },
  {
    name: 'stored-credential',
    source: 'src/credentials/stored-credential-schema.ts',
    schemas: { validateStoredCredential: storedCredentialSchema, validateStoredCredentialV1: storedCredentialV1Schema },
  },
];
