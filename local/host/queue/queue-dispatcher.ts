import type { InstalledForgeRuntime } from '../runtime';
import { type ConsumerInvocationRequest, consumerTimeoutMs } from '../runtime/consumer-invocation';
import type { ForgeConsumerHandler } from '../runtime-types';
import { describeError } from '../server/error-summary';
import type { QueueConsumer, StoredEvent } from './queue-types';
import { type DeliveryOutcome, outcomeOfAnswer, outcomeOfError } from './retry-policy';
import { describeRetry, reclaimLeases, type SettleDeps, settleEvent } from './settle-event';

/** How many due events one poll looks at; events held back by their concurrency key are skipped over. */
const SCAN_LIMIT = 500;
/** A lease outlives the invocation's time limit by this much, so that only a stopped host's lease runs out. */
const LEASE_MARGIN_MS = 30_000;

export type ConsumerInvoker = Pick<InstalledForgeRuntime, 'invokeConsumer'>;

export interface DispatcherDeps extends SettleDeps {
  runId: string;
  /** Queue name -> its consumer; events of other queues are never delivered. */
  consumers: ReadonlyMap<string, QueueConsumer>;
  handlers: ReadonlyMap<string, ForgeConsumerHandler>;
  runtime: ConsumerInvoker;
  now: () => number;
  /** Invocations at once, over all queues. */
  capacity: number;
  pollIntervalMs: number;
  /** Called whenever deliveries start or end, so that `whenIdle()` looks again. */
  onChange: () => void;
}

export interface Dispatcher {
  /** Delivers what is due now, within the limits; also runs on every poll. */
  pump: () => void;
  inFlight: () => number;
  /** Stops polling and starting deliveries; resolves when those in flight end, or after `graceMs`. */
  stop: (graceMs: number) => Promise<void>;
}

const parseJson = (text: string | undefined): unknown =>
  text === undefined ? undefined : (JSON.parse(text) as unknown);

/**
 * The invocation of one stored event: what its AsyncEvent carries (body, push settings, queue, job and event ids,
 * and the retry context on a redelivery; https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/).
 */
const requestFor = (consumer: QueueConsumer, event: StoredEvent): ConsumerInvocationRequest => ({
  functionKey: consumer.functionKey,
  moduleKey: consumer.key,
  queueName: event.queueName,
  body: JSON.parse(event.body) as Record<string, unknown>,
  jobId: event.jobId,
  eventId: event.eventId,
  ...(event.concurrency ? { concurrency: event.concurrency } : {}),
  ...(event.retryCount > 0
    ? {
        retryContext: {
          retryCount: event.retryCount,
          retryReason: event.retryReason ?? '',
          ...(event.retryData !== undefined ? { retryData: parseJson(event.retryData) } : {}),
        },
      }
    : {}),
  ...(consumer.timeoutSeconds !== undefined ? { timeoutSeconds: consumer.timeoutSeconds } : {}),
});

/**
 * Delivers due events to their consumers in this process, as Forge's queue would: at most `capacity` at once,
 * never more than an event's `concurrency.limit` at once for its concurrency key (over all queues, as Forge
 * scopes keys to the installation; held-back events stay queued and are tried on the next poll), each event
 * leased before its invocation so that a host that stops mid-invocation leaves it to be redelivered.
 */
export const createDispatcher = (deps: DispatcherDeps): Dispatcher => {
  const running = new Map<string, Promise<void>>();
  const perKey = new Map<string, number>();
  let stopped = false;
  let pumping = false;
  let pollFailed = false;

  const adjustKey = (event: StoredEvent, by: number) => {
    if (!event.concurrency) return;
    const count = (perKey.get(event.concurrency.key) ?? 0) + by;
    if (count > 0) perKey.set(event.concurrency.key, count);
    else perKey.delete(event.concurrency.key);
  };

  const deliver = async (consumer: QueueConsumer, handler: ForgeConsumerHandler, event: StoredEvent): Promise<void> => {
    let outcome: DeliveryOutcome;
    let failure: string | undefined;
    try {
      outcome = outcomeOfAnswer(await deps.runtime.invokeConsumer(handler, requestFor(consumer, event)));
    } catch (error) {
      outcome = outcomeOfError(error);
      failure = describeError(error);
    }
    // The host closed while the function ran: the lease stays, as a host that stopped would leave it.
    if (!deps.store.isOpen) return;
    const why = outcome.kind === 'retry' ? describeRetry(outcome, failure) : 'delivered';
    settleEvent(deps, event, outcome, why, deps.now());
  };

  const start = (consumer: QueueConsumer, handler: ForgeConsumerHandler, event: StoredEvent) => {
    adjustKey(event, 1);
    const run = deliver(consumer, handler, event)
      .catch((error: unknown) =>
        deps.log(`Queue ${event.queueName}: event ${event.eventId} could not be settled (${describeError(error)}).`),
      )
      .finally(() => {
        adjustKey(event, -1);
        running.delete(event.eventId);
        deps.onChange();
        // A finished delivery frees a slot (and maybe its concurrency key): fill it without waiting for the poll.
        if (!stopped) setImmediate(pump);
      });
    running.set(event.eventId, run);
  };

  const pumpOnce = () => {
    const nowMs = deps.now();
    reclaimLeases(deps, deps.runId, nowMs, true);
    if (running.size >= deps.capacity) return;
    let started = 0;
    for (const event of deps.store.due([...deps.consumers.keys()], nowMs, SCAN_LIMIT)) {
      if (running.size >= deps.capacity) break;
      if (event.concurrency && (perKey.get(event.concurrency.key) ?? 0) >= event.concurrency.limit) continue;
      const consumer = deps.consumers.get(event.queueName);
      const handler = consumer && deps.handlers.get(consumer.functionKey);
      if (!consumer || !handler) continue;
      const leaseMs = consumerTimeoutMs(consumer) + LEASE_MARGIN_MS;
      if (!deps.store.lease(event.eventId, deps.runId, nowMs + leaseMs)) continue;
      start(consumer, handler, event);
      started += 1;
    }
    if (started > 0) deps.onChange();
  };

  const pump = (): void => {
    if (stopped || pumping || !deps.store.isOpen) return;
    pumping = true;
    try {
      pumpOnce();
      pollFailed = false;
    } catch (error) {
      // Logged once per streak of failures: the poll runs every few ms.
      if (!pollFailed) deps.log(`Queue: a poll failed (${describeError(error)}).`);
      pollFailed = true;
    } finally {
      pumping = false;
    }
  };

  const timer = setInterval(pump, deps.pollIntervalMs);
  // The host's server keeps the process alive; the queue's poll must not keep it running after close.
  timer.unref();

  return {
    pump,
    inFlight: () => running.size,
    stop: async (graceMs) => {
      stopped = true;
      clearInterval(timer);
      if (running.size === 0) return;
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, graceMs);
        graceTimer.unref();
      });
      await Promise.race([Promise.allSettled([...running.values()]), grace]);
      clearTimeout(graceTimer);
    },
  };
};
