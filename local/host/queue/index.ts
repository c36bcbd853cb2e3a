export {
  createLocalQueue,
  DEFAULT_CLOSE_GRACE_MS,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_QUEUE_CONCURRENCY,
  type LocalQueue,
  type LocalQueueOptions,
} from './local-queue';
export type { ConsumerInvoker } from './queue-dispatcher';
export { MissingConsumerHandlerError, QueueError, QueueStoreError } from './queue-errors';
export { parseQueuePath, type QueueOperation } from './queue-path';
export { createQueuePublisher, type QueuePublisher, type QueuePublisherOptions } from './queue-publisher';
export { MAX_DELAY_SECONDS, MAX_EVENTS_PER_PUSH, MAX_PUSH_PAYLOAD_BYTES, QUEUE_NAME } from './queue-requests';
export { type JobStats, MAX_RETRIES, type QueueConsumer, type QueueStatus, RETRY_REASONS } from './queue-types';
export { backoffMs } from './retry-policy';
