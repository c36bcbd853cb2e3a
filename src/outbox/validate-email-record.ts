import { validateEmailRecord as generated } from '../generated/email-record';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../shared/validator';
import type { EmailRecordData } from './email-record-schema';

/**
 * email-record-schema.ts's verdict without zod (src/shared/validator.ts). The schema's refinement, which JSON
 * Schema cannot state, is checked here, with its message and path.
 */
export const validateEmailRecord: Validator<EmailRecordData> = standaloneValidator<EmailRecordData>(
  generated as StandaloneValidate,
  (record) =>
    record.kind !== 'issue' || (record.issueId !== undefined && record.issueKey !== undefined)
      ? undefined
      : { path: ['issueKey'], message: "An issue's email names its issue (issueId and issueKey)." },
);
