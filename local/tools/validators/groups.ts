import { storedCredentialSchema, storedCredentialV1Schema } from '../../../src/credentials/stored-credential-schema';
import { acceptedSchema, refusedSchema } from '../../../src/credentials/traffic-schema';
import { historyRecordSchema, threadRefSchema } from '../../../src/history/history-record-schema';
import { handlerStateSchema } from '../../../src/incoming/connection/handler-state-schema';
import { incomingJobSchema } from '../../../src/incoming/notifications/incoming-job-schema';
import { subscriptionRecordSchema } from '../../../src/incoming/notifications/subscription-record-schema';
import { incomingRecordSchema } from '../../../src/incoming/records/incoming-record-schema';
import { cachedTokenSchema } from '../../../src/oauth/cached-token-schema';
import { contentSchema } from '../../../src/outbox/email-content-schema';
import { emailRecordSchema } from '../../../src/outbox/email-record-schema';
import { storedLogSettingsSchema } from '../../../src/outbox/log-settings-schema';
import { jobSchema, retryContextSchema } from '../../../src/outbox/outbox-job-schema';
import { paceSchema } from '../../../src/outbox/pace-schema';
import {
  createdDraftSchema,
  graphErrorBodySchema,
  lookupSchema,
  progressSchema,
  uploadSessionSchema,
  usersSchema,
} from '../../../src/providers/microsoft/graph/graph-answer-schemas';
import {
  attachmentListSchema,
  deltaPageSchema,
  inboundMessageSchema,
  mailFolderListSchema,
  mailFolderSchema,
  movedMessageSchema,
  subscriptionSchema,
} from '../../../src/providers/microsoft/graph/inbound-answer-schemas';
import { notificationBatchSchema } from '../../../src/providers/microsoft/incoming/notifications/notification-schema';
import { copySchema } from '../../../src/storage/send-setup-schema';
import { adminWarningsSchema } from '../../../src/warnings/warning-schema';
import type { ValidatorGroup } from './generate';

/** The zod schemas the email worker validates with, generated into src/generated (see src/shared/validator.ts). */
export const VALIDATOR_GROUPS: readonly ValidatorGroup[] = [
  {
    name: 'email-record',
    source: 'src/outbox/email-record-schema.ts',
    schemas: { validateEmailRecord: emailRecordSchema },
    // An issue's email names its issue: src/outbox/validate-email-record.ts.
    refinements: 1,
  },
  {
    name: 'incoming-record',
    source: 'src/incoming/records/incoming-record-schema.ts',
    schemas: { validateIncomingRecord: incomingRecordSchema },
  },
  {
    name: 'graph-notification',
    source: 'src/providers/microsoft/incoming/notifications/notification-schema.ts',
    schemas: { validateNotificationBatch: notificationBatchSchema },
  },
  {
    name: 'incoming-job',
    source: 'src/incoming/notifications/incoming-job-schema.ts',
    schemas: { validateIncomingJob: incomingJobSchema },
  },
  {
    name: 'incoming-handler-state',
    source: 'src/incoming/connection/handler-state-schema.ts',
    schemas: { validateHandlerState: handlerStateSchema },
  },
  {
    name: 'incoming-subscription',
    source: 'src/incoming/notifications/subscription-record-schema.ts',
    schemas: { validateSubscriptionRecord: subscriptionRecordSchema },
  },
  {
    name: 'stored-credential',
    source: 'src/credentials/stored-credential-schema.ts',
    schemas: { validateStoredCredential: storedCredentialSchema, validateStoredCredentialV1: storedCredentialV1Schema },
  },
  {
    name: 'history-record',
    source: 'src/history/history-record-schema.ts',
    schemas: { validateHistoryRecord: historyRecordSchema, validateThreadRef: threadRefSchema },
  },
  { name: 'email-content', source: 'src/outbox/email-content-schema.ts', schemas: { validateContent: contentSchema } },
  {
    name: 'outbox-job',
    source: 'src/outbox/outbox-job-schema.ts',
    schemas: { validateJob: jobSchema, validateRetryContext: retryContextSchema },
  },
  { name: 'pace', source: 'src/outbox/pace-schema.ts', schemas: { validatePace: paceSchema } },
  {
    name: 'cached-token',
    source: 'src/oauth/cached-token-schema.ts',
    schemas: { validateCachedToken: cachedTokenSchema },
  },
  { name: 'send-setup', source: 'src/storage/send-setup-schema.ts', schemas: { validateCopy: copySchema } },
  {
    name: 'warning',
    source: 'src/warnings/warning-schema.ts',
    schemas: { validateAdminWarnings: adminWarningsSchema },
  },
  {
    name: 'traffic',
    source: 'src/credentials/traffic-schema.ts',
    schemas: { validateAccepted: acceptedSchema, validateRefused: refusedSchema },
  },
  {
    name: 'graph-answers',
    source: 'src/providers/microsoft/graph/graph-answer-schemas.ts',
    schemas: {
      validateGraphErrorBody: graphErrorBodySchema,
      validateUploadSession: uploadSessionSchema,
      validateUploadProgress: progressSchema,
      validateCreatedDraft: createdDraftSchema,
      validateMessageLookup: lookupSchema,
      validateUsers: usersSchema,
    },
  },
  {
    name: 'inbound-answers',
    source: 'src/providers/microsoft/graph/inbound-answer-schemas.ts',
    schemas: {
      validateMailFolder: mailFolderSchema,
      validateMailFolderList: mailFolderListSchema,
      validateSubscription: subscriptionSchema,
      validateDeltaPage: deltaPageSchema,
      validateInboundMessage: inboundMessageSchema,
      validateAttachmentList: attachmentListSchema,
      validateMovedMessage: movedMessageSchema,
    },
  },
  {
    name: 'log-settings',
    source: 'src/outbox/log-settings-schema.ts',
    schemas: { validateStoredLogSettings: storedLogSettingsSchema },
    // The admin's messages for retention are its own; the store reads only the verdict.
    verdictOnly: true,
  },
];
