import type {
  ForgeConsumerHandler,
  ForgeHandler,
  ForgeTriggerHandler,
  InvocationRequest,
  RuntimeStats,
  TriggerInvocationRequest,
} from '../runtime-types';
import {
  ACTION_MODULE_TYPE,
  type ActionInvocationRequest,
  ActionTimeoutError,
  type ForgeActionHandler,
} from './action-invocation';
import {
  buildConsumerEvent,
  CONSUMER_MODULE_TYPE,
  type ConsumerInvocationRequest,
  ConsumerTimeoutError,
  consumerTimeoutMs,
} from './consumer-invocation';
import { InvocationTimeoutError, RuntimeUninstalledError, TriggerTimeoutError } from './errors';
import type { FunctionRunner } from './function-runner';
import { acrossTheWire, checkSize } from './invocation-limits';
import { createInvocationScope, createScope } from './invocation-scope';
import { buildBackendRuntimePayload, buildProductContext } from './product-context';
import type { SiteIdentity } from './site-identity';
import { buildTriggerEvent, newContextToken, platformModuleType, triggerTimeoutMs } from './trigger-invocation';

export interface InvokerDeps {
  site: SiteIdentity;
  nowMs: () => number;
  /** The time limit of resolver and action invocations. */
  timeoutMs: number;
  stats: RuntimeStats;
  isInstalled: () => boolean;
  runInScope: FunctionRunner['runInScope'];
}

/**
 * How the platform invokes each kind of module: resolvers (`invoke`), product and scheduled triggers, queue
 * consumers and Automation actions, each with its event shape, its user (or none) and its time limit.
 */
export const createInvokers = (deps: InvokerDeps) => {
  const { site, nowMs, timeoutMs, stats, runInScope } = deps;

  const invoke = async (handler: ForgeHandler, request: InvocationRequest): Promise<unknown> => {
    if (!deps.isInstalled()) {
      throw new RuntimeUninstalledError(`invoke '${request.functionKey}'`);
    }
    checkSize('payload', request.functionKey, request.payload);
    stats.invocations += 1;
    const scope = createInvocationScope(request, nowMs(), timeoutMs);
    const event = {
      call: {
        functionKey: request.resolverFunctionKey,
        payload: acrossTheWire(request.payload),
        jobId: undefined,
      },
      context: buildProductContext(site, request),
    };
    const runtimePayload = buildBackendRuntimePayload(site, request);
    const answer = await runInScope(
      scope,
      timeoutMs,
      () => new InvocationTimeoutError(request.functionKey, request.resolverFunctionKey, timeoutMs),
      handler,
      event,
      runtimePayload,
    );
    checkSize('response', request.functionKey, answer);
    return answer;
  };

  const invokeTrigger = async (handler: ForgeTriggerHandler, request: TriggerInvocationRequest): Promise<unknown> => {
    if (!deps.isInstalled()) {
      throw new RuntimeUninstalledError(`invoke trigger '${request.moduleKey}'`);
    }
    const limitMs = triggerTimeoutMs(request);
    stats.invocations += 1;
    // No accountId: the platform runs triggers with no user, so asUser() has nobody to act as.
    const scope = createScope(
      {
        functionKey: request.functionKey,
        moduleKey: request.moduleKey,
        moduleType: platformModuleType(request.moduleType),
      },
      nowMs(),
      limitMs,
    );
    // The product's event crosses the wire as JSON, as a resolver's payload does.
    const productEvent = acrossTheWire(request.event) as Record<string, unknown> | undefined;
    const event = buildTriggerEvent(site, { ...request, event: productEvent }, newContextToken());
    const runtimePayload = buildBackendRuntimePayload(site, {});
    return runInScope(
      scope,
      limitMs,
      () => new TriggerTimeoutError(request.functionKey, request.moduleKey, limitMs),
      handler,
      event,
      runtimePayload,
    );
  };

  const invokeConsumer = async (
    handler: ForgeConsumerHandler,
    request: ConsumerInvocationRequest,
  ): Promise<unknown> => {
    if (!deps.isInstalled()) {
      throw new RuntimeUninstalledError(`invoke consumer '${request.moduleKey}'`);
    }
    const limitMs = consumerTimeoutMs(request);
    stats.invocations += 1;
    // No accountId: the platform delivers events with no user behind them, as it runs triggers.
    const scope = createScope(
      { functionKey: request.functionKey, moduleKey: request.moduleKey, moduleType: CONSUMER_MODULE_TYPE },
      nowMs(),
      limitMs,
    );
    // The body crossed the wire when it was pushed; the handler gets a copy, never the queue's own object.
    const event = buildConsumerEvent({
      ...request,
      body: acrossTheWire(request.body) as Record<string, unknown>,
      ...(request.retryContext
        ? { retryContext: acrossTheWire(request.retryContext) as ConsumerInvocationRequest['retryContext'] }
        : {}),
    });
    const runtimePayload = buildBackendRuntimePayload(site, {});
    return runInScope(
      scope,
      limitMs,
      () => new ConsumerTimeoutError(request.functionKey, request.moduleKey, limitMs),
      handler,
      event,
      runtimePayload,
    );
  };

  const invokeAction = async (handler: ForgeActionHandler, request: ActionInvocationRequest): Promise<unknown> => {
    if (!deps.isInstalled()) {
      throw new RuntimeUninstalledError(`invoke action '${request.moduleKey}'`);
    }
    checkSize('payload', request.functionKey, request.payload);
    stats.invocations += 1;
    const scope = createScope(
      {
        functionKey: request.functionKey,
        moduleKey: request.moduleKey,
        moduleType: ACTION_MODULE_TYPE,
        accountId: request.accountId,
      },
      nowMs(),
      timeoutMs,
    );
    // The inputs cross the wire as JSON, as a resolver's payload does; the payload is the inputs object itself.
    const payload = acrossTheWire(request.payload) as Record<string, unknown>;
    const runtimePayload = buildBackendRuntimePayload(site, { accountId: request.accountId });
    const answer = await runInScope(
      scope,
      timeoutMs,
      () => new ActionTimeoutError(request.functionKey, request.moduleKey, timeoutMs),
      handler,
      payload,
      runtimePayload,
    );
    checkSize('response', request.functionKey, answer);
    return answer;
  };

  return { invoke, invokeTrigger, invokeConsumer, invokeAction };
};
