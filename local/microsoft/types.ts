import type { SeedRequest, WriteRequest } from './inbound-delivery';
import type { FolderMessage } from './mail-store';
import type { DeliveryAttempt, LifecycleEvent, NotifierTiming } from './notification-sender';
import type { RefreshTokenInfo } from './refresh-tokens';

/** The tenant the Microsoft identity + Graph emulator serves, read from a JSON config file. */
export interface EmulatedSecret {
  /** The "Secret ID" column of Certificates & secrets (a GUID): what people paste by mistake. */
  id: string;
  /** The "Value" column: the client secret. */
  value: string;
  description: string;
  /**
   * ISO date-time the secret expires. In a config file `expiresInDays` may stand instead (days after today,
   * resolved when the config is loaded), so a demo secret can always be about to expire.
   */
  expiresOn: string;
}

/** A certificate uploaded under Certificates & secrets > Certificates (a key credential of the app). */
export interface EmulatedCertificate {
  /** The "Certificate ID" column (the key credential's keyId, a GUID); derived from the thumbprint when absent. */
  id?: string;
  /** SHA-1 of the certificate's DER, upper-case hex, as the portal's "Thumbprint" column shows it. */
  thumbprint: string;
  /** The certificate, PEM. In a config file `certificateFile` (relative to the file) may stand instead. */
  certificatePem: string;
  /**
   * Emulator only: the certificate's private key (PEM), so the portal page can offer the demo key for download.
   * Entra never holds it. In a config file `privateKeyFile` may stand instead.
   */
  privateKeyPem?: string;
  description?: string;
  /** ISO date-time the key credential starts ("Start date"); the certificate's notBefore when absent. */
  startsOn?: string;
  /** ISO date-time the key credential expires ("Expires"); the certificate's notAfter when left out of a config file. */
  expiresOn: string;
}

export interface EmulatedApp {
  displayName: string;
  /** Application (client) ID. */
  clientId: string;
  secrets: EmulatedSecret[];
  /** Application permissions added to the registration, e.g. ['Mail.Send', 'Mail.ReadWrite', 'User.Read.All']. */
  applicationPermissions: string[];
  /** Whether an admin granted consent; without it tokens carry no `roles`. */
  adminConsentGranted: boolean;
  /** Certificates for client assertions (`private_key_jwt`). */
  certificates?: EmulatedCertificate[];
  /**
   * Authentication > Web > Redirect URIs: where /authorize may send the browser back with a code. The portal page
   * can add to it while the emulator runs.
   */
  redirectUris?: string[];
  /** Delegated permissions added to the registration (Microsoft Graph scopes, e.g. 'Mail.Send', 'offline_access'). */
  delegatedPermissions?: string[];
  /**
   * Whether an admin granted consent to the delegated permissions for the whole tenant; without it each user is
   * asked on the consent page (and what they accept is remembered for that user).
   */
  delegatedAdminConsentGranted?: boolean;
}

export interface EmulatedMailbox {
  userPrincipalName: string;
  displayName: string;
  /** Object id of the user. */
  id: string;
  /** False models "mailbox not enabled for REST API" (e.g. no Exchange Online licence). */
  mailboxEnabled: boolean;
  /** Emulator only: the demo password of the emulator's sign-in page; without one the account cannot sign in. */
  password?: string;
}

/** A user of the directory: what GET /users lists besides the mailboxes. */
export interface EmulatedDirectoryUser {
  userPrincipalName: string;
  displayName: string;
  /** Object id of the user. */
  id: string;
  /** Primary SMTP address; null for a user without one. The userPrincipalName when absent. */
  mail?: string | null;
  givenName?: string;
  surname?: string;
  jobTitle?: string;
  department?: string;
}

export interface EmulatedTenant {
  /** Directory (tenant) ID. */
  id: string;
  /** Verified domains, e.g. ['contoso.onmicrosoft.com']; a token URL may name the tenant by id or domain. */
  domains: string[];
  displayName: string;
  apps: EmulatedApp[];
  mailboxes: EmulatedMailbox[];
  /** Directory users without a mailbox of their own here (people an app may find with GET /users). */
  users?: EmulatedDirectoryUser[];
  /** Exchange Online application access policies (New-ApplicationAccessPolicy) limiting which mailboxes apps may use. */
  applicationAccessPolicies?: ApplicationAccessPolicy[];
}

/**
 * One Exchange Online application access policy. The real policy names a mail-enabled security group
 * (`PolicyScopeGroupId`); the emulator lists the group's mailboxes instead.
 */
export interface ApplicationAccessPolicy {
  /** Application (client) ID the policy applies to. */
  appId: string;
  /** RestrictAccess: the app may use only these mailboxes. DenyAccess: every mailbox but these. */
  accessRight: 'RestrictAccess' | 'DenyAccess';
  /** userPrincipalNames of the scope group's members. */
  mailboxes: string[];
  description?: string;
}

export interface MicrosoftEmulatorConfig {
  tenants: EmulatedTenant[];
  /** Lifetime of issued access tokens, in seconds (Entra issues about 3599). */
  tokenLifetimeSeconds?: number;
}

/** A fault the next matching requests get, to test throttling and outages. */
export interface InjectedFault {
  /** 'token' for the token endpoint, 'graph' for Graph. */
  target: 'token' | 'graph';
  /** 429 (with Retry-After) or 503, or a delay before a normal answer. */
  kind: 'throttle' | 'unavailable' | 'slow';
  /** How many requests get it; Infinity until cleared. */
  count: number;
  /**
   * Only requests whose path contains this (case-insensitive), e.g. '/sendMail': a test that fails the sends is not
   * spent on the dialog's people search. Every request to `target` when absent.
   */
  pathIncludes?: string;
  retryAfterSeconds?: number;
  delayMs?: number;
}

export interface StoredMailAttachment {
  name: string;
  contentType: string;
  size: number;
  contentBytes: string;
  /** Set when the attachment is shown in the body (an image referenced as `cid:`). */
  isInline?: boolean;
  /** The `cid:` the body refers to an inline attachment by. */
  contentId?: string;
}

export interface StoredMessage {
  id: string;
  /** The mailbox (UPN) that sent it. */
  mailbox: string;
  receivedAt: string;
  /** False when sendMail asked `saveToSentItems: false` (the real mailbox keeps no copy; the emulator still lists it). */
  savedToSentItems?: boolean;
  /** The Graph `message` as accepted by sendMail (validated against the schema). */
  message: {
    subject?: string;
    body?: { contentType?: string; content?: string };
    toRecipients?: { emailAddress: { address: string; name?: string } }[];
    ccRecipients?: { emailAddress: { address: string; name?: string } }[];
    bccRecipients?: { emailAddress: { address: string; name?: string } }[];
    /** Where replies go (message resource `replyTo`, https://learn.microsoft.com/en-us/graph/api/resources/message). */
    replyTo?: { emailAddress: { address: string; name?: string } }[];
    attachments?: StoredMailAttachment[];
    [key: string]: unknown;
  };
}

export interface MicrosoftEmulatorOptions {
  config: MicrosoftEmulatorConfig;
  /** Loopback only. Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  loginPort?: number;
  graphPort?: number;
  /** Clock seam for token lifetimes and secret expiry; defaults to the system clock. */
  now?: () => Date;
  /**
   * Exchange Online's per-mailbox limits (4 concurrent requests per app and mailbox, 30 messages per mailbox in
   * any 60 s). On unless false; the statistics are kept either way.
   */
  limits?: boolean;
}

export type FaultMixKind = 'throttle' | 'unavailable' | 'slow';

/** A random share of Graph API requests that get a fault, drawn from a seeded generator (same seed, same faults). */
export interface FaultMix {
  /** Chance (0..1) that a Graph request gets a fault. */
  probability: number;
  /** The kinds a faulted request gets, picked uniformly. */
  kinds: FaultMixKind[];
  /** Retry-After of a 429 or 503, whole seconds, picked uniformly in [min, max]. */
  retryAfterSeconds: { min: number; max: number };
  /** Delay of a slow answer, whole milliseconds, picked uniformly in [min, max]. */
  slowDelayMs: { min: number; max: number };
  /**
   * Slow requests are fully processed (a send accepted and stored) before the delay, so a client that gives up
   * does not know it was accepted. Otherwise the delay comes first, and a request whose client went away during
   * it is dropped unprocessed.
   */
  slowAfterWork?: boolean;
  seed: number;
}

/** What the delivery-test features counted since start or the last resetDeliveryStats(). */
export interface DeliveryStats {
  /** Faults the fault mix gave (faults queued with injectFault() are not counted here). */
  injected: { throttle: number; unavailable: number; slow: number };
  /** 429s of the Exchange limits: the 5th concurrent request, the 31st message in 60 s. */
  limitRefusals: { concurrency: number; messageRate: number };
  /** 401s for an expired token, expired by its lifetime or by expireIssuedTokens(). */
  expiredTokenRefusals: number;
  /** Per mailbox (UPN), the most requests one app had open against it at once, a refused arrival included. */
  peakConcurrency: Record<string, number>;
  /** Per mailbox (UPN), when each send (sendMail or a draft's /send) was accepted: Date.now() values, oldest first. */
  acceptedSends: Record<string, number[]>;
}

export type SendHookPoint = 'before-accept' | 'after-accept';

export interface SendHookInfo {
  /** UPN of the sending mailbox. */
  mailbox: string;
  /**
   * The message's Message-ID: before-accept the client's (undefined when it chose none on sendMail), after-accept
   * the one the stored message has. A draft's is known at both points.
   */
  internetMessageId?: string;
}

/** Awaited in sendMail and a draft's /send: before anything is stored, and after storing but before the 202. */
export type SendHook = (point: SendHookPoint, info: SendHookInfo) => Promise<void> | void;

export interface MicrosoftEmulator {
  /** e.g. http://127.0.0.1:4011 : token endpoints are `${loginBaseUrl}/{tenant}/oauth2/v2.0/token`. */
  readonly loginBaseUrl: string;
  /** e.g. http://127.0.0.1:4012 : Graph v1.0 base is `${graphBaseUrl}/v1.0`. */
  readonly graphBaseUrl: string;
  readonly config: MicrosoftEmulatorConfig;
  /** Messages accepted by sendMail, oldest first. */
  sentMessages: (mailbox?: string) => StoredMessage[];
  /** Requests that reached each endpoint family since start (or the last reset). */
  requestCounts: () => { token: number; graph: number };
  resetCounts: () => void;
  injectFault: (fault: InjectedFault) => void;
  clearFaults: () => void;
  /**
   * Sets (or with undefined removes) the random fault mix for Graph API requests (not the token endpoint, not
   * upload URLs). Setting it restarts its seeded sequence; queued injectFault() faults go first and take no draw.
   */
  setFaultMix: (mix: FaultMix | undefined) => void;
  /** Every access token issued so far is expired for Graph from now on (401 InvalidAuthenticationToken); new ones work. */
  expireIssuedTokens: () => void;
  deliveryStats: () => DeliveryStats;
  /** Zeroes the statistics; the limits' own windows and open requests are kept. */
  resetDeliveryStats: () => void;
  /** Sets (or with undefined removes) the hook awaited in the send paths. */
  setSendHook: (hook: SendHook | undefined) => void;
  /**
   * Delivers mail to an emulated mailbox's Inbox, as the mailbox page's "Write to this mailbox" and "Reply" do
   * (the JSON seam POST /mailbox/api/deliver takes the same fields). Throws when refused.
   */
  deliverMail: (request: WriteRequest) => FolderMessage;
  /** Puts `count` old messages into a mailbox's Inbox (POST /mailbox/api/seed). Throws when refused. */
  seedMailbox: (request: SeedRequest) => void;
  /** Received mail of a mailbox (UPN), oldest first; of one folder (by id) when given. */
  receivedMessages: (mailbox: string, folderId?: string) => FolderMessage[];
  /** Every delta token given so far answers 410 syncStateNotFound (POST /mailbox/api/delta-tokens/expire). */
  expireDeltaTokens: () => void;
  /** Holds change notifications while paused; resuming sends what was held (POST /mailbox/api/notifications). */
  setNotificationsPaused: (paused: boolean) => void;
  /** Every POST of notifications so far (URL, status or 'timeout'/'error', item count), oldest first. */
  notificationAttempts: () => DeliveryAttempt[];
  /**
   * Posts the last batch of change notifications again, unchanged, as Graph's at-least-once delivery may; false
   * when none was posted yet. Lifecycle notifications are not repeated.
   */
  redeliverLastNotification: () => boolean;
  /** Shortens the batching, answer timeout, retry backoff or give-up window of notification delivery. */
  setNotifierTiming: (timing: Partial<NotifierTiming>) => void;
  /** Sends a lifecycle notification now (subscriptionRemoved also removes it); false for an unknown id. */
  sendLifecycleEvent: (subscriptionId: string, event: LifecycleEvent) => boolean;
  /** Runs the expiry check now (it also runs every second): removes expired subscriptions, warns expiring ones. */
  sweepSubscriptions: () => void;
  /**
   * Graph's revokeSignInSessions for a user (UPN or object id): every refresh token and sign-in session issued to
   * them so far stops working (the next refresh answers invalid_grant AADSTS50173). False for an unknown user.
   */
  revokeSignInSessions: (userPrincipalName: string) => boolean;
  /** Refresh tokens issued so far (no token values), oldest first. */
  refreshTokens: () => RefreshTokenInfo[];
  /** Adds a Web redirect URI to an app registration, as the portal page's form does. Throws when refused. */
  addRedirectUri: (clientId: string, redirectUri: string) => void;
  close: () => Promise<void>;
}
