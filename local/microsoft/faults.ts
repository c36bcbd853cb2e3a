import { MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from './errors';
import type { InjectedFault } from './types';

interface PendingFault {
  fault: InjectedFault;
  remaining: number;
}

/** Defaults when a fault leaves them out: Graph's fixture says Retry-After 1; Entra's 429s carry 60. */
export const DEFAULT_RETRY_AFTER_SECONDS = { token: 60, graph: 1 } as const;
export const DEFAULT_SLOW_DELAY_MS = 1000;

/** Faults queued by injectFault(): each matching request takes one from the first fault that has some left. */
export class FaultInjector {
  private pending: PendingFault[] = [];

  inject(fault: InjectedFault): void {
    if (fault.target !== 'token' && fault.target !== 'graph') throw invalid(`target must be 'token' or 'graph'`);
    if (fault.kind !== 'throttle' && fault.kind !== 'unavailable' && fault.kind !== 'slow') {
      throw invalid(`kind must be 'throttle', 'unavailable' or 'slow'`);
    }
    if (fault.count !== Number.POSITIVE_INFINITY && !(Number.isInteger(fault.count) && fault.count > 0)) {
      throw invalid('count must be a positive integer or Infinity');
    }
    if (
      fault.retryAfterSeconds !== undefined &&
      !(Number.isInteger(fault.retryAfterSeconds) && fault.retryAfterSeconds >= 0)
    ) {
      throw invalid('retryAfterSeconds must be a whole number of seconds');
    }
    if (fault.delayMs !== undefined && !(Number.isFinite(fault.delayMs) && fault.delayMs >= 0)) {
      throw invalid('delayMs must be a non-negative number');
    }
    this.pending.push({ fault: { ...fault }, remaining: fault.count });
  }

  clear(): void {
    this.pending = [];
  }

  /** The fault the next request to `target` (at `path`) gets, if any (and uses it up). */
  take(target: InjectedFault['target'], path = ''): InjectedFault | undefined {
    const entry = this.pending.find(
      (candidate) =>
        candidate.fault.target === target &&
        (candidate.fault.pathIncludes === undefined ||
          path.toLowerCase().includes(candidate.fault.pathIncludes.toLowerCase())),
    );
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.pending = this.pending.filter((candidate) => candidate !== entry);
    return entry.fault;
  }
}

const invalid = (message: string): MicrosoftEmulatorError =>
  new MicrosoftEmulatorError(MicrosoftEmulatorErrorCode.FaultInvalid, `Invalid injected fault: ${message}`);

/** Waits, or stops early (rejecting) when the emulator closes. */
export const delay = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new Error('emulator closed'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('emulator closed'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
