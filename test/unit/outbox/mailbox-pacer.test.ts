import { createHash } from 'node:crypto';

import { WriteConflictError } from '../../../src/outbox/errors';
import {
  createMailboxPacer,
  EARLY_TOLERANCE_MS,
  LATE_TOLERANCE_MS,
  RESERVE_HORIZON_MS,
  SLOT_SPACING_MS,
} from '../../../src/outbox/mailbox-pacer';
import { MemoryEntityStore } from '../support/memory-entity-store';

const T = Date.parse('2024-05-06T06:00:00Z');
const MAILBOX = 'support@contoso.com';
const KEY = `pace:${createHash('sha256').update(MAILBOX).digest('hex')}`;

const setup = () => {
  const entities = new MemoryEntityStore({});
  return { entities, pacer: createMailboxPacer(entities) };
};

describe('mailbox pacer', () => {
  it('spaces slots so that no 60 s window holds more than 30 sends, even at the tolerances', () => {
    expect(SLOT_SPACING_MS).toBe(2075);
    expect(30 * SLOT_SPACING_MS - LATE_TOLERANCE_MS - EARLY_TOLERANCE_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('hands out slots SLOT_SPACING_MS apart per mailbox and remembers the next one', async () => {
    const { entities, pacer } = setup();
    await expect(pacer.reserve(MAILBOX, T)).resolves.toEqual({ slotAt: T });
    await expect(pacer.reserve(MAILBOX, T)).resolves.toEqual({ slotAt: T + SLOT_SPACING_MS });
    await expect(pacer.reserve(MAILBOX, T + 100)).resolves.toEqual({ slotAt: T + 2 * SLOT_SPACING_MS });
    expect(await entities.get(KEY)).toEqual({ version: 3, nextAt: T + 3 * SLOT_SPACING_MS });
  });

  it('starts from now after a quiet spell', async () => {
    const { pacer } = setup();
    await pacer.reserve(MAILBOX, T);
    await expect(pacer.reserve(MAILBOX, T + 60_000)).resolves.toEqual({ slotAt: T + 60_000 });
  });

  it('paces each mailbox on its own, whatever the case and spaces of its address', async () => {
    const { entities, pacer } = setup();
    await pacer.reserve(MAILBOX, T);
    await expect(pacer.reserve(' Support@Contoso.COM ', T)).resolves.toEqual({ slotAt: T + SLOT_SPACING_MS });
    await expect(pacer.reserve('sales@contoso.com', T)).resolves.toEqual({ slotAt: T });
    expect(entities.values.size).toBe(2);
  });

  it('does not hand out slots beyond the horizon: it answers when to ask again, and reserves nothing', async () => {
    const { entities, pacer } = setup();
    const within = Math.floor(RESERVE_HORIZON_MS / SLOT_SPACING_MS) + 1;
    for (let index = 0; index < within; index += 1) {
      await expect(pacer.reserve(MAILBOX, T)).resolves.toEqual({ slotAt: T + index * SLOT_SPACING_MS });
    }
    expect(within).toBe(58);
    const next = T + within * SLOT_SPACING_MS;
    await expect(pacer.reserve(MAILBOX, T)).resolves.toEqual({ askAgainAt: next - RESERVE_HORIZON_MS / 2 });
    expect(await entities.get(KEY)).toEqual({ version: within, nextAt: next });
    // Once time has moved on, slots are handed out again.
    await expect(pacer.reserve(MAILBOX, next - RESERVE_HORIZON_MS / 2)).resolves.toEqual({ slotAt: next });
  });

  it('reads again and retries when another worker reserved first', async () => {
    const { entities, pacer } = setup();
    await pacer.reserve(MAILBOX, T);
    entities.conflictsBeforeReplace = 7;
    await expect(pacer.reserve(MAILBOX, T)).resolves.toEqual({ slotAt: T + SLOT_SPACING_MS });
    expect(entities.replaces).toBe(8);
  });

  it('gives up with WriteConflictError after 8 lost races', async () => {
    const { entities, pacer } = setup();
    await pacer.reserve(MAILBOX, T);
    entities.conflictsBeforeReplace = 8;
    const attempt = pacer.reserve(MAILBOX, T);
    await expect(attempt).rejects.toThrow(WriteConflictError);
    await expect(attempt).rejects.toMatchObject({
      code: 'OUTBOX_WRITE_CONFLICT',
      message: 'Could not update the mailbox pacing slots: it kept changing under us.',
    });
    expect(entities.replaces).toBe(8);
  });

  it('overwrites an entry it cannot read rather than trusting it', async () => {
    const { entities, pacer } = setup();
    await entities.create(KEY, { version: 4, nextAt: 'soon' } as unknown as { version: number });
    await expect(pacer.reserve(MAILBOX, T)).resolves.toEqual({ slotAt: T });
    expect(await entities.get(KEY)).toEqual({ version: 1, nextAt: T + SLOT_SPACING_MS });
  });

  it('replaces an unreadable entry that has no version at all', async () => {
    const { entities, pacer } = setup();
    entities.values.set(KEY, { nextAt: T + 60_000 } as unknown as { version: number });
    await expect(pacer.reserve(MAILBOX, T)).resolves.toEqual({ slotAt: T });
    expect(await entities.get(KEY)).toEqual({ version: 1, nextAt: T + SLOT_SPACING_MS });
  });
});
