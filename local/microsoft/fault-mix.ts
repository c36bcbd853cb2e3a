import { seededRandom } from '../shared/seeded-random';
import { MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from './errors';
import type { FaultMix, FaultMixKind } from './types';

const KINDS: readonly FaultMixKind[] = ['throttle', 'unavailable', 'slow'];

/** One request's draw from the mix. */
export type MixedFault =
  | { kind: 'throttle' | 'unavailable'; retryAfterSeconds: number }
  | { kind: 'slow'; delayMs: number; afterWork: boolean };

/** Draws faults for Graph requests, one draw per request, in arrival order. */
export class FaultMixer {
  private mix: FaultMix | undefined;
  private random: () => number = () => 1;

  set(mix: FaultMix | undefined): void {
    if (mix !== undefined) validate(mix);
    this.mix =
      mix === undefined
        ? undefined
        : {
            ...mix,
            kinds: [...mix.kinds],
            retryAfterSeconds: { ...mix.retryAfterSeconds },
            slowDelayMs: { ...mix.slowDelayMs },
          };
    this.random = seededRandom(mix?.seed ?? 0);
  }

  /** The fault the next request gets, if any. */
  draw(): MixedFault | undefined {
    const mix = this.mix;
    if (mix === undefined || this.random() >= mix.probability) return undefined;
    const kind = mix.kinds[Math.floor(this.random() * mix.kinds.length)] ?? 'throttle';
    if (kind === 'slow') return { kind, delayMs: this.between(mix.slowDelayMs), afterWork: mix.slowAfterWork === true };
    return { kind, retryAfterSeconds: this.between(mix.retryAfterSeconds) };
  }

  private between(range: { min: number; max: number }): number {
    return range.min + Math.floor(this.random() * (range.max - range.min + 1));
  }
}

const validate = (mix: FaultMix): void => {
  if (!(typeof mix.probability === 'number' && mix.probability >= 0 && mix.probability <= 1))
    throw invalid('probability must be a number from 0 to 1');
  if (!Array.isArray(mix.kinds) || mix.kinds.length === 0 || mix.kinds.some((kind) => !KINDS.includes(kind))) {
    throw invalid(`kinds must list one or more of ${KINDS.map((kind) => `'${kind}'`).join(', ')}`);
  }
  checkRange('retryAfterSeconds', mix.retryAfterSeconds);
  checkRange('slowDelayMs', mix.slowDelayMs);
  if (!Number.isSafeInteger(mix.seed)) throw invalid('seed must be an integer');
};

const checkRange = (name: string, range: { min: number; max: number } | undefined): void => {
  const whole = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
  if (range === undefined || !whole(range.min) || !whole(range.max) || range.min > range.max) {
    throw invalid(`${name} must be { min, max } whole numbers with 0 <= min <= max`);
  }
};

const invalid = (message: string): MicrosoftEmulatorError =>
  new MicrosoftEmulatorError(MicrosoftEmulatorErrorCode.FaultInvalid, `Invalid fault mix: ${message}`);
