/** The Microsoft identity platform + Microsoft Graph emulator of the local Forge host. */
export { startMicrosoftEmulator, DEFAULT_TOKEN_LIFETIME_SECONDS } from './emulator';
export { loadTenantConfig, parseTenantConfig, type ParseTenantConfigOptions } from './config';
export { ASSERTION_ALGORITHMS, ASSERTION_CLOCK_SKEW_SECONDS, JWT_BEARER_ASSERTION_TYPE } from './client-assertion';
export { testApplicationAccessPolicy, type PolicyVerdict } from './access-policy';
export { MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from './errors';
export { GRAPH_MAX_REQUEST_BYTES } from './send-mail';
export { MAX_FRAGMENT_BYTES, MAX_UPLOAD_BYTES, UPLOAD_PATH } from './upload-sessions';
export { TOKEN_CLOCK_SKEW_SECONDS } from './graph-auth';
export { MAILBOX_CONCURRENCY_LIMIT, MESSAGE_RATE_LIMIT, MESSAGE_RATE_WINDOW_MS } from './exchange-limits';
export { seededRandom } from './fault-mix';
export type {
  ApplicationAccessPolicy,
  EmulatedApp,
  EmulatedCertificate,
  EmulatedDirectoryUser,
  EmulatedMailbox,
  EmulatedSecret,
  EmulatedTenant,
  DeliveryStats,
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
