import { randomBytes } from 'node:crypto';

import type { TriggerEvent, TriggerInvocationRequest, TriggerModuleType } from '../runtime-types';
import { InvalidTriggerRequestError } from './errors';
import type { SiteIdentity } from './site-identity';

/**
 * Forge's time limits per trigger module type, in seconds: the default, and the most `timeoutSeconds` may ask
 * for. Scheduled triggers (like queue consumers) are long-running functions; product event triggers are not
 * (@forge/lint's function-timeout linter holds them to 25 s).
 */
export const TRIGGER_TIME_LIMITS: Readonly<Record<TriggerModuleType, { defaultSeconds: number; maxSeconds: number }>> =
  {
    scheduledTrigger: { defaultSeconds: 55, maxSeconds: 900 },
    trigger: { defaultSeconds: 25, maxSeconds: 25 },
    // "Runtime seconds (web-triggers): 55" (https://developer.atlassian.com/platform/forge/limits-invocation/).
    webtrigger: { defaultSeconds: 55, maxSeconds: 55 },
  };

/** The platform's extension type for a trigger module, as `appContext.moduleType` reports it. */
export const platformModuleType = (moduleType: TriggerModuleType): string => `core:${moduleType}`;

/** The time limit of one trigger invocation, in ms; refuses a `timeoutSeconds` the platform would refuse. */
export const triggerTimeoutMs = (
  request: Pick<TriggerInvocationRequest, 'functionKey' | 'moduleType' | 'timeoutSeconds'>,
): number => {
  const limits = TRIGGER_TIME_LIMITS[request.moduleType];
  if (!limits) {
    throw new InvalidTriggerRequestError(
      `Function '${request.functionKey}': unknown trigger module type '${String(request.moduleType)}'`,
    );
  }
  const seconds = request.timeoutSeconds ?? limits.defaultSeconds;
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > limits.maxSeconds) {
    throw new InvalidTriggerRequestError(
      `Function '${request.functionKey}': timeoutSeconds must be between 1 and ${limits.maxSeconds} for a ${request.moduleType} module, not ${String(seconds)}`,
    );
  }
  return Math.round(seconds * 1000);
};

/** Stands in for the platform's signed context token: opaque, fresh per invocation, meaningless to the app. */
export const newContextToken = (): string => `local-context-${randomBytes(24).toString('base64url')}`;

/** The first argument of a trigger function: the product event's fields, then the platform's own. */
export const buildTriggerEvent = (
  site: SiteIdentity,
  request: TriggerInvocationRequest,
  contextToken: string,
): TriggerEvent => ({
  ...(request.event ?? {}),
  context: { cloudId: site.cloudId, moduleKey: request.moduleKey },
  contextToken,
});
