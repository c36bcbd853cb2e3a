import * as generated from '../../../generated/graph-answers';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../../../shared/validator';
import type {
  CreatedDraftData,
  GraphErrorBodyData,
  LookupData,
  ProgressData,
  UploadSessionData,
  UsersData,
} from './graph-answer-schemas';

/** graph-answer-schemas.ts's verdicts without zod (src/shared/validator.ts). */
const from = <T>(validate: unknown): Validator<T> => standaloneValidator<T>(validate as StandaloneValidate);

export const readGraphErrorBody = from<GraphErrorBodyData>(generated.validateGraphErrorBody);
export const readUploadSession = from<UploadSessionData>(generated.validateUploadSession);
export const readUploadProgress = from<ProgressData>(generated.validateUploadProgress);
export const readCreatedDraft = from<CreatedDraftData>(generated.validateCreatedDraft);
export const readMessageLookup = from<LookupData>(generated.validateMessageLookup);
export const readUsers = from<UsersData>(generated.validateUsers);
