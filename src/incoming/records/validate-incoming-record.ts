import { validateIncomingRecord as generated } from '../../generated/incoming-record';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../../shared/validator';
import type { IncomingRecordData } from './incoming-record-schema';

/** incoming-record-schema.ts's verdict without zod (src/shared/validator.ts). */
export const validateIncomingRecord: Validator<IncomingRecordData> = standaloneValidator<IncomingRecordData>(
  generated as StandaloneValidate,
);
