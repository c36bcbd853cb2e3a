import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A process's resident memory, as Linux reports it in /proc/<pid>/status: now (VmRSS) and its peak since the last
 * reset (VmHWM). Forge's runtime limits a function by its container's memory, which is this figure.
 */
export interface ResidentMemory {
  rssBytes: number;
  peakBytes: number;
}

const field = (status: string, name: string): number | undefined => {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
};

/** Undefined when the process is gone or the system has no /proc (the limit then goes unchecked). */
export const readResidentMemory = (pid: number): ResidentMemory | undefined => {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const rssBytes = field(status, 'VmRSS');
  const peakBytes = field(status, 'VmHWM');
  return rssBytes === undefined || peakBytes === undefined ? undefined : { rssBytes, peakBytes };
};

/** Starts a new peak (VmHWM) at the current RSS: "5" to clear_refs resets the peak RSS (Linux 4.0 and later). */
export const resetPeak = (pid: number): boolean => {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
};
