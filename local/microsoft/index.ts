/** The Microsoft identity platform + Microsoft Graph emulator of the local Forge host. */
export { startMicrosoftEmulator, DEFAULT_TOKEN_LIFETIME_SECONDS } from './emulator';
export { loadTenantConfig, parseTenantConfig } from './config';
export { MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from './errors';
export { GRAPH_MAX_REQUEST_BYTES } from './send-mail';
export { TOKEN_CLOCK_SKEW_SECONDS } from './graph-auth';
export type {
  EmulatedApp,
  EmulatedMailbox,
  EmulatedSecret,
  EmulatedTenant,
  InjectedFault,
  MicrosoftEmulator,
  MicrosoftEmulatorConfig,
  MicrosoftEmulatorOptions,
  StoredMailAttachment,
  StoredMessage,
} from './types';
