import { createHash } from 'node:crypto';

import { WriteConflictError } from '../../../src/outbox/errors';
import {
  createMailboxPacer,
  EARLY_TOLERANCE_MS,
  HANDOVER_MARGIN_MS,
  LATE_TOLERANCE_MS,
  LOG_KEEP_MS,
  MAX_LOG_ENTRIES,
  SEND_BY_MS,
  SLOT_SPACING_MS,
  WINDOW_MS,
} from '../../../src/outbox/mailbox-pacer';
import type { PaceEntry } from '../../../src/outbox/pace-log';
import { MemoryEntityStore } from '../support/memory-entity-store';

const T = Date.parse('2024-05-06T06:00:00Z');
const D = SLOT_SPACING_MS;
const MAILBOX = 'support@contoso.com';
const KEY = `pace:${createHash('sha256').update(MAILBOX).digest('hex')}`;

const setup = (slots?: PaceEntry[]) => {
  const entities = new MemoryEntityStore({});
  if (slots !== undefined) entities.values.set(KEY, { version: 1, slots });
  const pacer = createMailboxPacer(entities);
  const slotsNow = async () => ((await entities.get(KEY)) as { slots: PaceEntry[] } | undefined)?.slots;
  return { entities, pacer, slotsNow };
};

/** The most of `times` (sorted) in any 60 s window. */
const busiestWindow = (times: readonly number[]): number => {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= WINDOW_MS) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
};

/** A small seeded generator (mulberry32), so the runs below are the same every time. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('mailbox pacer: slots', () => {
  it('spaces slots so that no 60 s window holds more than 30 sends, even at the tolerances', () => {
    expect(D).toBe(2075);
    expect(30 * D - LATE_TOLERANCE_MS - EARLY_TOLERANCE_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('hands out slots SLOT_SPACING_MS apart per mailbox, and logs each with the email holding it', async () => {
    const { pacer, slotsNow } = setup();
    await expect(pacer.reserve(MAILBOX, { emailId: 'a', now: T })).resolves.toEqual({ slotAt: T });
    await expect(pacer.reserve(MAILBOX, { emailId: 'b', now: T })).resolves.toEqual({ slotAt: T + D });
    await expect(pacer.reserve(MAILBOX, { emailId: 'c', now: T + 100 })).resolves.toEqual({ slotAt: T + 2 * D });
    expect(await slotsNow()).toEqual([
      [T, 'a'],
      [T + D, 'b'],
      [T + 2 * D, 'c'],
    ]);
  });

  it.each([
    ['a quiet spell: now', [[T, 'a']], { now: T + 60_000 }, T + 60_000],
    ['a Retry-After: not before it', [[T, 'a']], { now: T + D, notBefore: T + 10_000 }, T + 10_000],
    [
      'a gap two spacings wide between held slots',
      [
        [T, 'a'],
        [T + 3 * D, 'b'],
      ],
      { now: T },
      T + D,
    ],
    [
      'a gap too narrow: after the last',
      [
        [T, 'a'],
        [T + D + 1000, 'b'],
      ],
      { now: T },
      T + 2 * D + 1000,
    ],
    [
      'its own passed slot given back in the same write',
      [
        [T, 'x'],
        [T + D, 'a'],
        [T + 2 * D, 'b'],
      ],
      { now: T, releasing: T + D },
      T + D,
    ],
    [
      "someone else's slot is never given back",
      [
        [T, 'a'],
        [T + D, 'b'],
      ],
      { now: T, releasing: T + D },
      T + 2 * D,
    ],
  ] as Array<[string, PaceEntry[], { now: number; notBefore?: number; releasing?: number }, number]>)(
    'reserves the first free slot: %s',
    async (_, slots, request, expected) => {
      const { pacer } = setup(slots);
      await expect(pacer.reserve(MAILBOX, { emailId: 'a', ...request })).resolves.toEqual({ slotAt: expected });
    },
  );

  it('paces each mailbox on its own, whatever the case and spaces of its address', async () => {
    const { entities, pacer } = setup();
    await pacer.reserve(MAILBOX, { emailId: 'a', now: T });
    await expect(pacer.reserve(' Support@Contoso.COM ', { emailId: 'b', now: T })).resolves.toEqual({ slotAt: T + D });
    await expect(pacer.reserve('sales@contoso.com', { emailId: 'c', now: T })).resolves.toEqual({ slotAt: T });
    expect(entities.values.size).toBe(2);
  });

  it('forgets slots older than a window and its tolerances', async () => {
    const { pacer, slotsNow } = setup([
      [T - LOG_KEEP_MS - 1, 'old'],
      [T - LOG_KEEP_MS, 'kept'],
    ]);
    await pacer.reserve(MAILBOX, { emailId: 'a', now: T });
    expect(await slotsNow()).toEqual([
      [T - LOG_KEEP_MS, 'kept'],
      [T, 'a'],
    ]);
  });

  it('tells an email beyond MAX_LOG_ENTRIES held slots when to ask again, and reserves nothing', async () => {
    const slots = Array.from({ length: MAX_LOG_ENTRIES }, (_, index): PaceEntry => [T + index * D, `e${index}`]);
    const { pacer, slotsNow } = setup(slots);
    const last = T + (MAX_LOG_ENTRIES - 1) * D;
    await expect(pacer.reserve(MAILBOX, { emailId: 'late', now: T })).resolves.toEqual({
      askAgainAt: last - WINDOW_MS,
    });
    expect(await slotsNow()).toHaveLength(MAX_LOG_ENTRIES);
  });
});

describe('mailbox pacer: slots given back', () => {
  it('release removes the slot its email holds, so the next reservation can take it', async () => {
    const { pacer, slotsNow } = setup([
      [T, 'a'],
      [T + D, 'b'],
      [T + 2 * D, 'c'],
    ]);
    await pacer.release(MAILBOX, 'b', T + D, T);
    expect(await slotsNow()).toEqual([
      [T, 'a'],
      [T + 2 * D, 'c'],
    ]);
    await expect(pacer.reserve(MAILBOX, { emailId: 'd', now: T })).resolves.toEqual({ slotAt: T + D });
  });

  it("release leaves another email's slot alone, and writes nothing then", async () => {
    const { entities, pacer, slotsNow } = setup([[T, 'a']]);
    await pacer.release(MAILBOX, 'b', T, T);
    expect(await slotsNow()).toEqual([[T, 'a']]);
    expect(entities.replaces).toBe(0);
  });

  it.each([
    {
      name: 'the first email in line at or after Retry-After takes the refused slot; the retry takes its slot',
      now: T + 300,
      notBefore: T + 3_000,
      decision: { slotAt: T + 2 * D, movedUp: { emailId: 'c', slotAt: T, from: T + 2 * D } },
      after: [
        [T, 'c'],
        [T + D, 'b'],
        [T + 2 * D, 'r', 1],
        [T + 3 * D, 'd'],
      ],
    },
    {
      name: 'too late in the slot for anyone to start in it: given back, and the retry reserves',
      now: T + SEND_BY_MS - HANDOVER_MARGIN_MS + 1,
      notBefore: T + 3_000,
      decision: { slotAt: T + 4 * D },
      after: [
        [T + D, 'b'],
        [T + 2 * D, 'c'],
        [T + 3 * D, 'd'],
        [T + 4 * D, 'r', 1],
      ],
    },
    {
      name: 'nobody in line after Retry-After: given back, and the retry reserves',
      now: T + 300,
      notBefore: T + 3 * D + 1,
      decision: { slotAt: T + 4 * D },
      after: [
        [T + D, 'b'],
        [T + 2 * D, 'c'],
        [T + 3 * D, 'd'],
        [T + 4 * D, 'r', 1],
      ],
    },
  ])('handOver: $name', async ({ now, notBefore, decision, after }) => {
    const { pacer, slotsNow } = setup([
      [T, 'r'],
      [T + D, 'b'],
      [T + 2 * D, 'c'],
      [T + 3 * D, 'd'],
    ]);
    await expect(pacer.handOver(MAILBOX, { emailId: 'r', slotAt: T, now, notBefore })).resolves.toEqual(decision);
    expect(await slotsNow()).toEqual(after);
  });

  it('handOver never moves a retry earlier than Microsoft asked it to wait: the next email in line that is not one', async () => {
    const { pacer } = setup([
      [T, 'r'],
      [T + D, 'b', 1],
      [T + 2 * D, 'c'],
    ]);
    await expect(
      pacer.handOver(MAILBOX, { emailId: 'r', slotAt: T, now: T + 300, notBefore: T + 1_000 }),
    ).resolves.toEqual({ slotAt: T + 2 * D, movedUp: { emailId: 'c', slotAt: T, from: T + 2 * D } });
  });

  it('handOver of a slot the email does not hold reserves a new one and gives nothing away', async () => {
    const { pacer, slotsNow } = setup([[T + D, 'b']]);
    await expect(pacer.handOver(MAILBOX, { emailId: 'r', slotAt: T, now: T, notBefore: T + 1_000 })).resolves.toEqual({
      slotAt: T + 2 * D,
    });
    expect(await slotsNow()).toEqual([
      [T + D, 'b'],
      [T + 2 * D, 'r', 1],
    ]);
  });
});

describe('mailbox pacer: the guarantee', () => {
  it.each([1, 2, 3, 4, 5])(
    'no 60 s window holds more than 30 sends, each as early or as late as allowed (seed %i)',
    async (seed) => {
      const random = seeded(seed);
      const { pacer } = setup();
      // Every email in line, the slot it holds; refusals hand over or give back, as the outbox does.
      const held = new Map<string, number>();
      const sends: number[] = [];
      let now = T;
      for (let index = 0; index < 200; index += 1) {
        const decision = await pacer.reserve(MAILBOX, { emailId: `e${index}`, now });
        if ('slotAt' in decision) held.set(`e${index}`, decision.slotAt);
      }
      while (held.size > 0) {
        const [emailId, slotAt] = [...held.entries()].sort((a, b) => a[1] - b[1])[0] as [string, number];
        now = Math.max(now, slotAt);
        held.delete(emailId);
        if (random() < 0.3) {
          // Refused: the retry waits 1 to 5 s; the email moved up sends in the refused slot.
          const notBefore = now + 1_000 + Math.floor(random() * 4_000);
          const decision = await pacer.handOver(MAILBOX, { emailId, slotAt, now, notBefore });
          if (decision.movedUp !== undefined) held.set(decision.movedUp.emailId, decision.movedUp.slotAt);
          if ('slotAt' in decision) held.set(emailId, decision.slotAt);
          continue;
        }
        // Accepted: sent anywhere from EARLY_TOLERANCE_MS before to LATE_TOLERANCE_MS after its slot.
        sends.push(slotAt - EARLY_TOLERANCE_MS + Math.floor(random() * (EARLY_TOLERANCE_MS + LATE_TOLERANCE_MS + 1)));
      }
      sends.sort((a, b) => a - b);
      expect(sends).toHaveLength(200);
      expect(busiestWindow(sends)).toBeLessThanOrEqual(30);
      // The refusals cost next to no capacity (a pacer that spent refused slots manages about 23 a minute here).
      expect(((sends.length - 1) / ((sends.at(-1) ?? 0) - (sends[0] ?? 0))) * WINDOW_MS).toBeGreaterThan(27.5);
    },
  );

  it('concurrent reservations each get their own slot: conditional writes, read again on a lost race', async () => {
    const { pacer, slotsNow } = setup();
    const decisions = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((emailId) => pacer.reserve(MAILBOX, { emailId, now: T })),
    );
    const times = decisions.map((decision) => ('slotAt' in decision ? decision.slotAt : -1)).sort((x, y) => x - y);
    expect(times).toEqual([T, T + D, T + 2 * D, T + 3 * D, T + 4 * D]);
    expect((await slotsNow())?.map(([, id]) => id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('reads again and retries when another worker wrote first, and gives up after 8 lost races', async () => {
    const { entities, pacer } = setup([[T, 'a']]);
    entities.conflictsBeforeReplace = 7;
    await expect(pacer.reserve(MAILBOX, { emailId: 'b', now: T })).resolves.toEqual({ slotAt: T + D });
    expect(entities.replaces).toBe(8);
    entities.conflictsBeforeReplace = 8;
    const attempt = pacer.reserve(MAILBOX, { emailId: 'c', now: T });
    await expect(attempt).rejects.toThrow(WriteConflictError);
    await expect(attempt).rejects.toMatchObject({
      code: 'OUTBOX_WRITE_CONFLICT',
      message: 'Could not update the mailbox pacing slots: it kept changing under us.',
    });
  });

  it.each([
    ['an older version', { version: 4, nextAt: T + 60_000 }],
    ['no version at all', { slots: [[T, 'a']] }],
  ])('overwrites an entry it cannot read (%s) rather than trusting it', async (_, stored) => {
    const { entities, pacer, slotsNow } = setup();
    entities.values.set(KEY, stored as unknown as { version: number });
    await expect(pacer.reserve(MAILBOX, { emailId: 'a', now: T })).resolves.toEqual({ slotAt: T });
    expect(await entities.get(KEY)).toEqual({ version: 1, slots: [[T, 'a']] });
    expect(await slotsNow()).toEqual([[T, 'a']]);
  });
});
