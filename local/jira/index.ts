export { type AttachmentContent, generatedContent, generatedSha256, storedContent } from './attachment-content';
export { createJiraEmulator, type CreateJiraEmulatorOptions } from './emulator';
export { entityPropertyIndexesOf } from './entity-property-indexes';
export { JiraEmulatorError, type JiraEmulatorErrorCode, JiraRestError, type JiraRestErrorCode } from './errors';
export { JSON_CONTENT_TYPE } from './http/responses';
export { ALEX_ADMIN, APP_USER, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from './seed/users';
export type {
  GeneratedAttachmentInput,
  IndexedEntityProperty,
  JiraActor,
  JiraAttachmentEventPayload,
  JiraEmulator,
  JiraEmulatorOptions,
  JiraEventChangeItem,
  JiraEventComment,
  JiraEventIssue,
  JiraEventUser,
  JiraIssueEventPayload,
  JiraIssueProductEvent,
  JiraProductEvent,
  JiraProductEventType,
  JiraStreamingResponse,
  JiraUser,
  StreamingJiraEmulator,
} from './types';
