export type { IssuedAccessToken } from './access-tokens';
export { DEFAULT_TOKEN_LIFETIME_SECONDS, loadWorkspaceConfig, parseWorkspaceConfig } from './config';
export { type GoogleEmulator, type GoogleEmulatorOptions, startGoogleEmulator } from './emulator';
export { GoogleEmulatorError, GoogleEmulatorErrorCode } from './errors';
export type { GoogleWorkspaceConfig, WorkspaceServiceAccount, WorkspaceUser } from './types';
export type { ServiceAccountKeyFile } from './workspace-directory';
