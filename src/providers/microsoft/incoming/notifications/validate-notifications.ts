import { validateNotificationBatch as generated } from '../../../../generated/graph-notification';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../../../../shared/validator';
import type { GraphNotificationBatch } from './notification-schema';

/** notification-schema.ts's verdict without zod (src/shared/validator.ts). */
export const validateNotificationBatch: Validator<GraphNotificationBatch> = standaloneValidator<GraphNotificationBatch>(
  generated as StandaloneValidate,
);
