/** Stable codes of what can go wrong starting or configuring the Microsoft emulator. */
export const MicrosoftEmulatorErrorCode = {
  ConfigUnreadable: 'MS_EMULATOR_CONFIG_UNREADABLE',
  ConfigInvalid: 'MS_EMULATOR_CONFIG_INVALID',
  NotLoopback: 'MS_EMULATOR_NOT_LOOPBACK',
  ListenFailed: 'MS_EMULATOR_LISTEN_FAILED',
  FaultInvalid: 'MS_EMULATOR_FAULT_INVALID',
  InboundRefused: 'MS_EMULATOR_INBOUND_REFUSED',
  RedirectUriRefused: 'MS_EMULATOR_REDIRECT_URI_REFUSED',
} as const;
export type MicrosoftEmulatorErrorCode = (typeof MicrosoftEmulatorErrorCode)[keyof typeof MicrosoftEmulatorErrorCode];

/** An error of the emulator itself (never of the services it imitates: those are HTTP answers). */
export class MicrosoftEmulatorError extends Error {
  readonly code: MicrosoftEmulatorErrorCode;

  constructor(code: MicrosoftEmulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MicrosoftEmulatorError';
    this.code = code;
  }
}
