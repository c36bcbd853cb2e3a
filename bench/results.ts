/** The bench's results file, bench/results/latest.json: what the README's figures and Scale sections are made from. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { AttachmentFigures } from './attachments';
import type { CallsPerEmailFigures } from './calls-per-email';
import type { ForgeBundleFigures } from './forge-functions';
import type { MachineFigures } from './machine';
import type { UiFigures } from './ui-size';

export const RESULTS_FILE = path.join(__dirname, 'results', 'latest.json');

/** Constants of the app and its manifest the Scale section computes with, as they were when the bench ran. */
export interface ScaleInputs {
  /** src/outbox/mailbox-pacer.ts: the spacing of one mailbox's sending slots. */
  slotSpacingMs: number;
  /** Scheduled trigger runs a day, by trigger key (manifest.yml `scheduledTrigger` intervals). */
  scheduledRunsPerDay: Record<string, number>;
}

export interface BenchResults {
  date: string;
  machine: MachineFigures;
  durationSeconds: number;
  forgeFunctions: ForgeBundleFigures;
  attachments: AttachmentFigures[];
  callsPerEmail: CallsPerEmailFigures;
  customUi: UiFigures[];
  scaleInputs: ScaleInputs;
}

export const readResults = (file = RESULTS_FILE): BenchResults =>
  JSON.parse(readFileSync(file, 'utf8')) as BenchResults;

export const writeResults = (results: BenchResults, file = RESULTS_FILE): void => {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
};
