export {
  ACTION_MODULE_TYPE,
  type ActionInvocationRequest,
  ActionTimeoutError,
  type ForgeActionHandler,
} from './action-invocation';
export type { ChildInvokeAnswer, ChildInvokeFailure, ChildInvokeRequest } from './child-invoke-protocol';
export {
  CONSUMER_MODULE_TYPE,
  CONSUMER_TIME_LIMITS,
  type ConsumerInvocationRequest,
  type ConsumerRetryContext,
  ConsumerTimeoutError,
  consumerTimeoutMs,
  InvalidConsumerRequestError,
} from './consumer-invocation';
export type { EntityDefinition } from './entity-query';
export * from './errors';
export type { ForgeFetchRoute, ForgeFetchTarget } from './forge-fetch';
export { installForgeRuntime } from './install';
export type { InstalledForgeRuntime, InstallForgeRuntimeOptions } from './install-options';
export {
  INVOCATION_TIMEOUT_MS,
  MAX_INVOCATION_PAYLOAD_BYTES,
  MAX_INVOCATION_RESPONSE_BYTES,
} from './invocation-limits';
export { type HandlerRef, handlerRefOf, isolatedHandler } from './isolation/isolated-handler';
export type { FunctionWorkerPoolOptions } from './isolation/worker-pool';
export { buildBackendRuntimePayload, buildProductContext, localIdOf } from './product-context';
export type { SiteIdentity } from './site-identity';
export { type ChildInvokeOutcome, invokeInChildProcess, type SpawnChildInvokeOptions } from './spawn-child-invoke';
export { platformModuleType, TRIGGER_TIME_LIMITS, triggerTimeoutMs } from './trigger-invocation';
