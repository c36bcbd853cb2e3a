import { validatePace } from '../generated/pace';
import { sha256Hex } from '../shared/sha256-hex';
import { type StandaloneValidate, standaloneValidator } from '../shared/validator';
import type { EntityStore } from '../storage/entity-store';
import { mailboxPaceKey } from '../storage/keys';
import type { KvEntry } from '../storage/kv-store';
import { WriteConflictError } from './errors';
import { findFreeSlot, type PaceEntry, pruned, withHolder, withoutEntry, withSlot } from './pace-log';
import type { StoredPace } from './pace-schema';

/**
 * Exchange Online accepts 30 messages a minute from one mailbox ("Message rate limit", Sending limits:
 * https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits#sending-limits-1).
 * It counts messages it accepted: a request Graph refused (429, 503: https://learn.microsoft.com/en-us/graph/throttling-limits#outlook-service-limits)
 * sent nothing, so its slot is given back.
 */
export const MESSAGES_PER_MINUTE = 30;
export const WINDOW_MS = 60_000;
/** Microsoft may accept a message this much after its slot (the platform is not exact, a run takes time). */
export const LATE_TOLERANCE_MS = 2_250;
/**
 * An attempt calls the mail service no later than this after its slot, or takes a new slot: the rest of LATE_TOLERANCE_MS is
 * for the request itself (a fresh token included) to reach Microsoft.
 */
export const SEND_BY_MS = 1_250;
/**
 * How early before its slot an attempt may start: never. A job the queue brings early waits in its run until its
 * slot (handle-outbox-job.ts), and an email moved up to a slot is moved up only once that slot has come.
 */
export const EARLY_TOLERANCE_MS = 0;
/**
 * Slots are at least this far apart, so that even when one job starts as early and another as late as allowed, no
 * 60 s window holds more than 30 sends: 30 spacings minus both tolerances still span a minute. 2,075 ms, about
 * 28.9 a minute, 96.4 % of Exchange's 30.
 */
export const SLOT_SPACING_MS = Math.ceil((WINDOW_MS + LATE_TOLERANCE_MS + EARLY_TOLERANCE_MS) / MESSAGES_PER_MINUTE);

/**
 * Gmail's per-user rate: "15,000 quota units per user per minute", users.messages.send costs 100 units
 * (https://developers.google.com/workspace/gmail/api/reference/quota; older copies say 250 units per user per second,
 * a moving average), so at most 150 sends a minute. Gmail also caps concurrent requests per user, and a slot that
 * comes early or late must not break the rate, so a Google mailbox is paced at 60 a minute, one a second: still 30
 * times its daily sending limit of 2,000 (https://support.google.com/a/answer/166852), which a minute's pace cannot
 * keep anyway; that limit is met when Gmail answers it (its daily-limit failure waits, failure-kind.ts).
 */
export const GOOGLE_MESSAGES_PER_MINUTE = 60;

/** The spacing of a mailbox's slots by its credential's provider: Microsoft 365 (absent) or Google Workspace. */
export const PACE_SPACING_MS: Readonly<Record<'microsoft' | 'google-workspace', number>> = {
  microsoft: SLOT_SPACING_MS,
  'google-workspace': Math.ceil((WINDOW_MS + LATE_TOLERANCE_MS + EARLY_TOLERANCE_MS) / GOOGLE_MESSAGES_PER_MINUTE),
};

const spacingOf = (provider: string | undefined): number =>
  provider === 'google-workspace' ? PACE_SPACING_MS['google-workspace'] : PACE_SPACING_MS.microsoft;
/** Slots this old can no longer share a window with a new one: they leave the log. */
export const LOG_KEEP_MS = WINDOW_MS + LATE_TOLERANCE_MS + EARLY_TOLERANCE_MS;
/**
 * At most this many slots are held per mailbox (about 100 KB of the entity's 240 KiB, ../shared/reference/forge-
 * runtime.md), some 70 minutes of sending; an email beyond them is told when to ask again.
 */
export const MAX_LOG_ENTRIES = 2_000;
/**
 * A slot given back is handed to the next email in line only when that email can still send in it: its job is
 * pushed now, and has this long to start and reach the mail service's call (SEND_BY_MS after the slot).
 */
export const HANDOVER_MARGIN_MS = 300;

export type SlotDecision = { slotAt: number } | { askAgainAt: number };

export interface SlotRequest {
  emailId: string;
  now: number;
  /** Not before this (Retry-After, backoff); `now` when absent. */
  notBefore?: number;
  /** A slot this email holds and will not use (it passed unused): given back in the same write. */
  releasing?: number;
  /** The sending credential's provider (src/outbox/mail-provider.ts), for its pace; absent: Microsoft 365. */
  provider?: string;
}

/** A refused attempt's retry slot; `movedUp` is the email that takes the refused attempt's slot instead. */
export type HandOverDecision = SlotDecision & { movedUp?: { emailId: string; slotAt: number; from: number } };

export interface MailboxPacer {
  /** The time this email may be sent, reserved for it; or, with too long a line, when to ask again. */
  reserve: (mailbox: string, request: SlotRequest) => Promise<SlotDecision>;
  /**
   * `reserve`, with `alongside` (plain kvs entries, e.g. the email's content as it is queued) set in the slot's own
   * transaction: one kvs write for both. `tookAlong` is false when they were not written (a mailbox's very first
   * slot is a create, which takes nothing along): the caller writes them.
   */
  reserveTakingAlong: (
    mailbox: string,
    request: SlotRequest,
    alongside: readonly KvEntry[],
  ) => Promise<{ decision: SlotDecision; tookAlong: boolean }>;
  /** Gives back a slot its attempt did not spend (Microsoft refused it, or it never reached Microsoft). */
  release: (mailbox: string, emailId: string, slotAt: number, now: number) => Promise<void>;
  /**
   * A refused attempt that will be retried: its slot goes to the first email in line at or after `notBefore`
   * (whose job the caller pushes now), and the retry takes that email's slot, so the line loses no capacity. With
   * nobody to hand it to, or too late to, the slot is given back and the retry reserves one.
   */
  handOver: (mailbox: string, request: SlotRequest & { slotAt: number }) => Promise<HandOverDecision>;
}

const readPace = standaloneValidator<StoredPace>(validatePace as StandaloneValidate);

const MAX_TRIES = 8;

type Change<T> = (entries: PaceEntry[]) => { entries: PaceEntry[]; answer: T } | { unchanged: T };

const keyOf = (mailbox: string): string => mailboxPaceKey(sha256Hex(mailbox.trim().toLowerCase()));

const reserveIn = (entries: PaceEntry[], request: SlotRequest): { entries: PaceEntry[]; answer: SlotDecision } => {
  const kept = request.releasing === undefined ? entries : withoutEntry(entries, request.releasing, request.emailId);
  if (kept.length >= MAX_LOG_ENTRIES) {
    const last = kept[kept.length - 1]?.[0] ?? request.now;
    return { entries: kept, answer: { askAgainAt: Math.max(request.now + 1_000, last - WINDOW_MS) } };
  }
  const notBefore = Math.max(request.now, request.notBefore ?? request.now);
  const slotAt = findFreeSlot(kept, notBefore, spacingOf(request.provider));
  return { entries: withSlot(kept, slotAt, request.emailId, notBefore > request.now), answer: { slotAt } };
};

/**
 * Hands out sending slots per sender mailbox from a `mailbox-pace` entity, so workers on any number of
 * invocations together stay under Exchange's rate. The entity keeps a small log: every slot of the last window and
 * every slot held ahead, with the email holding it; so a slot given back leaves a gap another email can take.
 * Every change is a conditional write on the entity's version.
 */
export const createMailboxPacer = (entities: EntityStore): MailboxPacer => {
  const update = async <T>(
    mailbox: string,
    now: number,
    change: Change<T>,
    alongside: readonly KvEntry[] = [],
  ): Promise<{ answer: T; tookAlong: boolean }> => {
    const key = keyOf(mailbox);
    for (let tries = 0; tries < MAX_TRIES; tries += 1) {
      const stored = await entities.get(key);
      const parsed = stored === undefined ? undefined : readPace(stored);
      if (parsed !== undefined && !parsed.ok) {
        // An entry this version did not write is not trusted: it is removed and pacing starts afresh.
        await entities.delete(key);
        continue;
      }
      const current = parsed?.value;
      const outcome = change(pruned(current?.slots ?? [], now - LOG_KEEP_MS));
      if ('unchanged' in outcome) return { answer: outcome.unchanged, tookAlong: false };
      const next = { version: (current?.version ?? 0) + 1, slots: outcome.entries };
      const written =
        current === undefined
          ? await entities.create(key, next)
          : await entities.replace(key, next, current.version, alongside);
      if (written) return { answer: outcome.answer, tookAlong: current !== undefined && alongside.length > 0 };
    }
    throw new WriteConflictError('the mailbox pacing slots');
  };

  return {
    reserve: async (mailbox, request) =>
      (await update(mailbox, request.now, (entries) => reserveIn(entries, request))).answer,

    reserveTakingAlong: async (mailbox, request, alongside) => {
      const { answer, tookAlong } = await update(
        mailbox,
        request.now,
        (entries) => reserveIn(entries, request),
        alongside,
      );
      return { decision: answer, tookAlong };
    },

    release: async (mailbox, emailId, slotAt, now) => {
      await update(mailbox, now, (entries) => {
        const kept = withoutEntry(entries, slotAt, emailId);
        return kept.length === entries.length ? { unchanged: undefined } : { entries: kept, answer: undefined };
      });
    },

    handOver: async (mailbox, request) => {
      const { answer } = await update(mailbox, request.now, (entries): ReturnType<Change<HandOverDecision>> => {
        const notBefore = Math.max(request.now, request.notBefore ?? request.now);
        const holds = entries.some(([at, id]) => at === request.slotAt && id === request.emailId);
        const inTime = request.now <= request.slotAt + SEND_BY_MS - HANDOVER_MARGIN_MS;
        // A retry is not moved earlier than Microsoft asked it to wait (its slot is that time).
        const next = entries.find(
          ([at, id, retry]) => at >= notBefore && at > request.now && id !== request.emailId && retry === undefined,
        );
        if (!holds || !inTime || next === undefined) {
          return reserveIn(entries, { ...request, releasing: request.slotAt });
        }
        const [from, taker] = next;
        const swapped = withHolder(withHolder(entries, request.slotAt, taker), from, request.emailId, true);
        return {
          entries: swapped,
          answer: { slotAt: from, movedUp: { emailId: taker, slotAt: request.slotAt, from } },
        };
      });
      return answer;
    },
  };
};
