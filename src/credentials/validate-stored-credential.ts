import {
  validateStoredCredential as generated,
  validateStoredCredentialV1 as generatedV1,
} from '../generated/stored-credential';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../shared/validator';
import type { StoredCredential, StoredCredentialV1 } from './stored-credential-schema';

/** stored-credential-schema.ts's verdicts without zod (src/shared/validator.ts). */
export const validateStoredCredential: Validator<StoredCredential> = standaloneValidator(
  generated as StandaloneValidate,
);

/** A version 1 record: only one not rewritten since the foundation release. */
export const validateStoredCredentialV1: Validator<StoredCredentialV1> = standaloneValidator(
  generatedV1 as StandaloneValidate,
);
