import type { CertificateKeys } from './certificate-keys';
import type { DeliveryRecorder } from './delivery-stats';
import type { ExchangeLimits } from './exchange-limits';
import type { FaultMixer } from './fault-mix';
import type { FaultInjector } from './faults';
import type { JwtIssuer } from './jwt-issuer';
import type { MailboxStore } from './mailbox-store';
import type { TenantDirectory } from './tenant-directory';
import type { MicrosoftEmulatorConfig, SendHook } from './types';

/** What every request handler of the emulator shares. */
export interface EmulatorContext {
  readonly config: MicrosoftEmulatorConfig;
  readonly directory: TenantDirectory;
  /** The apps' registered certificates, for client assertions. */
  readonly keys: CertificateKeys;
  readonly issuer: JwtIssuer;
  readonly store: MailboxStore;
  readonly faults: FaultInjector;
  readonly counts: { token: number; graph: number };
  readonly now: () => Date;
  /** Base URLs, set once both listeners are bound. */
  readonly urls: { login: string; graph: string };
  readonly tokenLifetimeSeconds: number;
  /** Aborted by close(), so delayed answers stop waiting. */
  readonly shutdown: AbortSignal;
  /** Fault mix, Exchange limits, statistics and send hook of the delivery tests. */
  readonly delivery: DeliveryControls;
}

export interface DeliveryControls {
  readonly mix: FaultMixer;
  readonly limits: ExchangeLimits;
  readonly recorder: DeliveryRecorder;
  /** Read at each send, so setSendHook() applies to the next one. */
  hook: SendHook | undefined;
}
