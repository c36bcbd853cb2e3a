/** The Microsoft identity platform + Microsoft Graph emulator of the local Forge host. */
export { seededRandom } from '../shared/seeded-random';
export { type PolicyVerdict, testApplicationAccessPolicy } from './access-policy';
export { AUTH_CODE_LIFETIME_MS } from './auth-codes';
export { ASSERTION_ALGORITHMS, ASSERTION_CLOCK_SKEW_SECONDS, JWT_BEARER_ASSERTION_TYPE } from './client-assertion';
export { loadTenantConfig, parseTenantConfig, type ParseTenantConfigOptions } from './config';
export { DEFAULT_TOKEN_LIFETIME_SECONDS, startMicrosoftEmulator } from './emulator';
export { MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from './errors';
export { MAILBOX_CONCURRENCY_LIMIT, MESSAGE_RATE_LIMIT, MESSAGE_RATE_WINDOW_MS } from './exchange-limits';
export { TOKEN_CLOCK_SKEW_SECONDS } from './graph-auth';
export type { AttachmentInput, MailStyle } from './inbound-compose';
export type { SeedRequest, WriteRequest } from './inbound-delivery';
export type { FolderMessage, ReceivedAttachment } from './mail-store';
export { MAX_MAILBOX_MESSAGES } from './mail-store';
export type { DeliveryAttempt, LifecycleEvent, NotifierTiming } from './notification-sender';
export { REFRESH_TOKEN_INACTIVITY_MS, type RefreshTokenInfo } from './refresh-tokens';
export { GRAPH_MAX_REQUEST_BYTES } from './send-mail';
export type {
  ApplicationAccessPolicy,
  DeliveryStats,
  EmulatedApp,
  EmulatedCertificate,
  EmulatedDirectoryUser,
  EmulatedMailbox,
  EmulatedSecret,
  EmulatedTenant,
  FaultMix,
  FaultMixKind,
  InjectedFault,
  MicrosoftEmulator,
  MicrosoftEmulatorConfig,
  MicrosoftEmulatorOptions,
  SendHook,
  SendHookInfo,
  SendHookPoint,
  StoredMailAttachment,
  StoredMessage,
} from './types';
export { MAX_FRAGMENT_BYTES, MAX_UPLOAD_BYTES, UPLOAD_PATH } from './upload-sessions';
