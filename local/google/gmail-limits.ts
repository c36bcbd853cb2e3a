import { seededRandom } from '../shared/seeded-random';
import { GoogleEmulatorError, GoogleEmulatorErrorCode } from './errors';
import { type GmailErrorAnswer, GmailErrors } from './gmail-errors';

/*
 * Gmail's usage limits (https://developers.google.com/workspace/gmail/api/reference/quota): 15,000 quota units per
 * user per minute, each method its units (messages.send 100, history.list 2, ...); sending limits in Google Workspace
 * (https://support.google.com/a/answer/166852): 2,000 messages a day per user, "applied over a rolling 24-hour
 * period".
 */
export const QUOTA_UNITS = {
  send: 100,
  getProfile: 1,
  labelsList: 1,
  labelsCreate: 5,
  messagesList: 5,
  messagesGet: 5,
  messagesModify: 5,
  attachmentsGet: 5,
  historyList: 2,
} as const;

export interface GmailLimits {
  unitsPerUserPerMinute: number;
  messagesPerDay: number;
}

export const DEFAULT_GMAIL_LIMITS: GmailLimits = { unitsPerUserPerMinute: 15_000, messagesPerDay: 2_000 };

export type GmailFaultKind = 'rateLimit' | 'unavailable' | 'slow';

/** Faults drawn for Gmail requests, like the Microsoft emulator's fault mix: seeded, one draw per request. */
export interface GmailFaultMix {
  probability: number;
  kinds: GmailFaultKind[];
  retryAfterSeconds: number;
  slowDelayMs: number;
  seed: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export type GmailFault = { kind: 'answer'; answer: GmailErrorAnswer } | { kind: 'slow'; delayMs: number };

export interface GmailStats {
  sent: number;
  refused: Record<string, number>;
}

/** Per-user quota units and sends on the emulator's clock, and the fault mix. */
export class GmailLimiter {
  private limits: GmailLimits = { ...DEFAULT_GMAIL_LIMITS };
  private readonly units = new Map<string, Array<{ at: number; units: number }>>();
  private readonly sends = new Map<string, number[]>();
  private mix: GmailFaultMix | undefined;
  private random: () => number = () => 1;
  readonly stats: GmailStats = { sent: 0, refused: {} };

  constructor(private readonly projectNumber: string) {}

  setLimits(limits: Partial<GmailLimits>): void {
    this.limits = { ...this.limits, ...limits };
  }

  setFaultMix(mix: GmailFaultMix | undefined): void {
    if (mix !== undefined) {
      const valid =
        mix.probability >= 0 &&
        mix.probability <= 1 &&
        mix.kinds.length > 0 &&
        Number.isSafeInteger(mix.seed) &&
        mix.retryAfterSeconds >= 0 &&
        mix.slowDelayMs >= 0;
      if (!valid) throw new GoogleEmulatorError(GoogleEmulatorErrorCode.ConfigInvalid, 'Invalid Gmail fault mix');
    }
    this.mix = mix === undefined ? undefined : { ...mix, kinds: [...mix.kinds] };
    this.random = seededRandom(mix?.seed ?? 0);
  }

  /** The fault the next request gets, if any. */
  drawFault(): GmailFault | undefined {
    const mix = this.mix;
    if (mix === undefined || this.random() >= mix.probability) return undefined;
    const kind = mix.kinds[Math.floor(this.random() * mix.kinds.length)] ?? 'rateLimit';
    if (kind === 'slow') return { kind: 'slow', delayMs: mix.slowDelayMs };
    const answer =
      kind === 'rateLimit' ? GmailErrors.rateLimitFault(mix.retryAfterSeconds) : GmailErrors.backendError();
    return { kind: 'answer', answer };
  }

  /** Charges `units` to the user's minute, or the answer Gmail gives over the per-user limit. */
  charge(user: string, units: number, nowMs: number): GmailErrorAnswer | undefined {
    const recent = (this.units.get(user) ?? []).filter((entry) => entry.at > nowMs - MINUTE_MS);
    const used = recent.reduce((sum, entry) => sum + entry.units, 0);
    if (used + units > this.limits.unitsPerUserPerMinute) {
      this.units.set(user, recent);
      return this.refused(GmailErrors.userRateLimit(this.projectNumber));
    }
    recent.push({ at: nowMs, units });
    this.units.set(user, recent);
    return undefined;
  }

  /** Whether the user may send one more message in the rolling day, or Gmail's sending-limit answer. */
  checkSend(user: string, nowMs: number): GmailErrorAnswer | undefined {
    const recent = (this.sends.get(user) ?? []).filter((at) => at > nowMs - DAY_MS);
    this.sends.set(user, recent);
    const oldest = recent[0];
    if (recent.length >= this.limits.messagesPerDay && oldest !== undefined) {
      return this.refused(GmailErrors.sendingLimit(new Date(oldest + DAY_MS)));
    }
    return undefined;
  }

  recordSend(user: string, nowMs: number): void {
    this.sends.set(user, [...(this.sends.get(user) ?? []), nowMs]);
    this.stats.sent += 1;
  }

  refused(answer: GmailErrorAnswer): GmailErrorAnswer {
    this.stats.refused[answer.reason] = (this.stats.refused[answer.reason] ?? 0) + 1;
    return answer;
  }
}
