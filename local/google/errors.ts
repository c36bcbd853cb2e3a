/** Stable codes of what can go wrong starting, configuring or controlling the Google emulator. */
export const GoogleEmulatorErrorCode = {
  ConfigUnreadable: 'GOOGLE_EMULATOR_CONFIG_UNREADABLE',
  ConfigInvalid: 'GOOGLE_EMULATOR_CONFIG_INVALID',
  NotLoopback: 'GOOGLE_EMULATOR_NOT_LOOPBACK',
  ListenFailed: 'GOOGLE_EMULATOR_LISTEN_FAILED',
  UnknownUser: 'GOOGLE_EMULATOR_UNKNOWN_USER',
  UnknownServiceAccount: 'GOOGLE_EMULATOR_UNKNOWN_SERVICE_ACCOUNT',
  UnknownKey: 'GOOGLE_EMULATOR_UNKNOWN_KEY',
  ScopeInvalid: 'GOOGLE_EMULATOR_SCOPE_INVALID',
} as const;
export type GoogleEmulatorErrorCode = (typeof GoogleEmulatorErrorCode)[keyof typeof GoogleEmulatorErrorCode];

/** An error of the emulator itself (never of the services it imitates: those are HTTP answers). */
export class GoogleEmulatorError extends Error {
  readonly code: GoogleEmulatorErrorCode;

  constructor(code: GoogleEmulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GoogleEmulatorError';
    this.code = code;
  }
}
