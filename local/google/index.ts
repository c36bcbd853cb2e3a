export type { IssuedAccessToken } from './access-tokens';
export { DEFAULT_TOKEN_LIFETIME_SECONDS, loadWorkspaceConfig, parseWorkspaceConfig } from './config';
export { type GoogleEmulator, type GoogleEmulatorOptions, startGoogleEmulator } from './emulator';
export { GoogleEmulatorError, GoogleEmulatorErrorCode } from './errors';
export type { GmailDeliverOutcome, GmailDeliverRequest } from './gmail-inbound';
export type { StoredGmailMessage } from './gmail-mailboxes';
export type { GoogleWorkspaceConfig, WorkspaceServiceAccount, WorkspaceUser } from './types';
export type { ServiceAccountKeyFile } from './workspace-directory';
