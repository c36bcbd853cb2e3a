/** The app's constants that the Scale section needs, read when the bench runs and kept in the results file. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import { SLOT_SPACING_MS } from '../src/outbox/mailbox-pacer';
import { ROOT } from './peer-app';
import type { ScaleInputs } from './results';

/** Runs a day of each scheduledTrigger interval Forge offers (manifest reference: scheduledTrigger). */
const RUNS_PER_DAY: Record<string, number> = { fiveMinute: 288, hour: 24, day: 1, week: 1 / 7 };

export const readScaleInputs = (): ScaleInputs => {
  const manifest = parse(readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')) as {
    modules?: { scheduledTrigger?: { key: string; interval: string }[] };
  };
  const scheduledRunsPerDay = Object.fromEntries(
    (manifest.modules?.scheduledTrigger ?? []).map((t) => [t.key, RUNS_PER_DAY[t.interval] ?? 0]),
  );
  return { slotSpacingMs: SLOT_SPACING_MS, scheduledRunsPerDay };
};
