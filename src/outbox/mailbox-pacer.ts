import { createHash } from 'node:crypto';

import * as z from 'zod/mini';

import type { EntityStore } from '../storage/entity-store';
import { mailboxPaceKey } from '../storage/keys';
import { WriteConflictError } from './errors';

/** Exchange Online accepts 30 messages a minute from one mailbox. */
export const MESSAGES_PER_MINUTE = 30;
const WINDOW_MS = 60_000;
/**
 * A job may start this much after its slot and still send in it (queue delays come in whole seconds, and the
 * platform is not exact); a later one takes a new slot.
 */
export const LATE_TOLERANCE_MS = 2_000;
/** A job may also start this much before its slot (queue timing) and use it. */
export const EARLY_TOLERANCE_MS = 250;
/**
 * Slots are spaced so that even when one job starts as early and another as late as allowed, no 60 s window holds
 * more than 30 sends: 30 spacings minus both tolerances still span a minute. 2,075 ms, about 28.9 a minute.
 */
export const SLOT_SPACING_MS = Math.ceil((WINDOW_MS + LATE_TOLERANCE_MS + EARLY_TOLERANCE_MS) / MESSAGES_PER_MINUTE);
/** Slots are not handed out further ahead than this; a job that would wait longer comes back later to ask. */
export const RESERVE_HORIZON_MS = 120_000;

export type SlotDecision = { slotAt: number } | { askAgainAt: number };

export interface MailboxPacer {
  /** The time this email may be sent, reserved for it; or, with a long queue, when to ask again. */
  reserve: (mailbox: string, now: number) => Promise<SlotDecision>;
}

const paceSchema = z.object({ version: z.int(), nextAt: z.number() });

const MAX_TRIES = 8;

/**
 * Hands out sending slots per sender mailbox from a `mailbox-pace` entity, so workers on any number of
 * invocations together stay under Exchange's rate. Reservations are conditional writes on the entity's version.
 */
export const createMailboxPacer = (entities: EntityStore): MailboxPacer => ({
  reserve: async (mailbox, now) => {
    const key = mailboxPaceKey(createHash('sha256').update(mailbox.trim().toLowerCase()).digest('hex'));
    for (let tries = 0; tries < MAX_TRIES; tries += 1) {
      const stored = await entities.get(key);
      const parsed = stored === undefined ? undefined : paceSchema.safeParse(stored);
      if (parsed !== undefined && !parsed.success) {
        // An entry this version did not write is not trusted: it is removed and pacing starts afresh.
        await entities.delete(key);
        continue;
      }
      const current = parsed?.data;
      const slotAt = Math.max(now, current?.nextAt ?? now);
      if (slotAt - now > RESERVE_HORIZON_MS) return { askAgainAt: slotAt - RESERVE_HORIZON_MS / 2 };
      const next = { version: (current?.version ?? 0) + 1, nextAt: slotAt + SLOT_SPACING_MS };
      const written =
        current === undefined ? await entities.create(key, next) : await entities.replace(key, next, current.version);
      if (written) return { slotAt };
    }
    throw new WriteConflictError('the mailbox pacing slots');
  },
});
