export { createJiraEmulator, type CreateJiraEmulatorOptions } from './emulator';
export { JiraEmulatorError, JiraRestError, type JiraEmulatorErrorCode, type JiraRestErrorCode } from './errors';
export { generatedContent, generatedSha256, storedContent, type AttachmentContent } from './attachment-content';
export { JSON_CONTENT_TYPE } from './http/responses';
export { APP_USER, ALEX_ADMIN, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from './seed/users';
export type {
  GeneratedAttachmentInput,
  JiraActor,
  JiraEmulator,
  JiraEmulatorOptions,
  JiraEventChangeItem,
  JiraEventComment,
  JiraEventIssue,
  JiraEventUser,
  JiraIssueEventPayload,
  JiraAttachmentEventPayload,
  JiraIssueProductEvent,
  JiraProductEvent,
  JiraProductEventType,
  JiraStreamingResponse,
  JiraUser,
  StreamingJiraEmulator,
} from './types';
