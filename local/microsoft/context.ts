import type { AuthCodes } from './auth-codes';
import type { CertificateKeys } from './certificate-keys';
import type { DeliveryRecorder } from './delivery-stats';
import type { DeltaTokens } from './delta-tokens';
import type { ExchangeLimits } from './exchange-limits';
import type { FaultMixer } from './fault-mix';
import type { FaultInjector } from './faults';
import type { JwtIssuer } from './jwt-issuer';
import type { MailStore } from './mail-store';
import type { MailboxStore } from './mailbox-store';
import type { NotificationSender } from './notification-sender';
import type { RefreshTokens } from './refresh-tokens';
import type { Revocations } from './revocations';
import type { SignInSessions } from './sign-in-sessions';
import type { SubscriptionStore } from './subscription-store';
import type { TenantDirectory } from './tenant-directory';
import type { MicrosoftEmulatorConfig, SendHook } from './types';
import type { UserConsents } from './user-consents';

/** What every request handler of the emulator shares. */
export interface EmulatorContext {
  readonly config: MicrosoftEmulatorConfig;
  readonly directory: TenantDirectory;
  /** The apps' registered certificates, for client assertions. */
  readonly keys: CertificateKeys;
  readonly issuer: JwtIssuer;
  readonly store: MailboxStore;
  /** Mail the emulated mailboxes received: Inbox, created folders, the change journal. */
  readonly mail: MailStore;
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
  /** Delta tokens and the change-notification switch of the inbound-mail tests. */
  readonly inbound: InboundControls;
  /** Sign-in sessions, consents, codes and refresh tokens of the authorization code flow. */
  readonly delegated: DelegatedState;
}

export interface DelegatedState {
  readonly revocations: Revocations;
  readonly sessions: SignInSessions;
  readonly consents: UserConsents;
  readonly codes: AuthCodes;
  readonly refreshTokens: RefreshTokens;
}

export interface InboundControls {
  readonly deltaTokens: DeltaTokens;
  readonly subscriptions: SubscriptionStore;
  readonly notifier: NotificationSender;
  /** Every delta and skip token given so far is expired (410 syncStateNotFound). */
  expireDeltaTokens: () => void;
  /** While paused, change notifications are held (sent after resuming); "notifications switched off". */
  setNotificationsPaused: (paused: boolean) => void;
}

export interface DeliveryControls {
  readonly mix: FaultMixer;
  readonly limits: ExchangeLimits;
  readonly recorder: DeliveryRecorder;
  /** Read at each send, so setSendHook() applies to the next one. */
  hook: SendHook | undefined;
}
