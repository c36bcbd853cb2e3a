/** Where and when the bench ran: figures from a shared or busy machine are only comparable within one run. */
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineFigures {
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the bench started and when it ended. */
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
}

const rounded = (values: number[]): number[] => values.map((v) => Math.round(v * 100) / 100);

export const describeMachine = (loadAverageAtStart: number[]): MachineFigures => ({
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  cpus: cpus().length,
  memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: rounded(loadAverageAtStart),
  loadAverageAtEnd: rounded(loadavg()),
});
