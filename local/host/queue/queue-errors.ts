/** Errors of the local async events queue. Each has a stable `code`; none carries an event body. */
export class QueueError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueError';
    this.code = code;
  }
}

/** queue.sqlite could not be opened, or holds a schema this host does not know. */
export class QueueStoreError extends QueueError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('QUEUE_STORE_ERROR', message, options);
    this.name = 'QueueStoreError';
  }
}

/** A consumer module's function has no handler: a host wiring mistake, caught at start. */
export class MissingConsumerHandlerError extends QueueError {
  constructor(message: string) {
    super('HANDLER_NOT_FOUND', message);
    this.name = 'MissingConsumerHandlerError';
  }
}
