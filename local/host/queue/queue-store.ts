import { SqliteFile } from '../runtime/sqlite-file';
import { QueueStoreError } from './queue-errors';
import type { JobStats, NewEvent, StoredEvent } from './queue-types';

interface EventRow {
  event_id: string;
  queue_name: string;
  job_id: string;
  body: string;
  due_at: number;
  concurrency_key: string | null;
  concurrency_limit: number | null;
  retry_count: number;
  retry_reason: string | null;
  retry_data: string | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  created_at: number;
}

const SCHEMA_VERSION = 1;
const EVENT_COLUMNS = `event_id, queue_name, job_id, body, due_at, concurrency_key, concurrency_limit, retry_count,
  retry_reason, retry_data, lease_owner, lease_expires_at, created_at`;
/** Deliverable queues are passed as one JSON array parameter. */
const IN_QUEUES = 'queue_name IN (SELECT value FROM json_each(?))';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS queue_events (
    event_id TEXT PRIMARY KEY,
    queue_name TEXT NOT NULL,
    job_id TEXT NOT NULL,
    body TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    concurrency_key TEXT,
    concurrency_limit INTEGER,
    retry_count INTEGER NOT NULL DEFAULT 0,
    retry_reason TEXT,
    retry_data TEXT,
    lease_owner TEXT,
    lease_expires_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS queue_events_waiting ON queue_events (lease_owner, due_at);
  CREATE INDEX IF NOT EXISTS queue_events_job ON queue_events (job_id);
  CREATE TABLE IF NOT EXISTS queue_pushes (
    pushed_at INTEGER NOT NULL,
    events INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS queue_pushes_time ON queue_pushes (pushed_at);
  CREATE TABLE IF NOT EXISTS queue_jobs (
    job_id TEXT PRIMARY KEY,
    queue_name TEXT NOT NULL,
    succeeded INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
`;

const toEvent = (row: EventRow): StoredEvent => ({
  eventId: row.event_id,
  queueName: row.queue_name,
  jobId: row.job_id,
  body: row.body,
  dueAt: row.due_at,
  concurrency:
    row.concurrency_key !== null && row.concurrency_limit !== null
      ? { key: row.concurrency_key, limit: row.concurrency_limit }
      : undefined,
  retryCount: row.retry_count,
  retryReason: row.retry_reason ?? undefined,
  retryData: row.retry_data ?? undefined,
  leaseOwner: row.lease_owner ?? undefined,
  leaseExpiresAt: row.lease_expires_at ?? undefined,
  createdAt: row.created_at,
});

/**
 * The local async events queue: its own SQLite file (WAL) in the host's data dir, so that pushed events survive a
 * restart of the host. Times are ms given by the caller, from the queue's clock.
 */
export class QueueStore extends SqliteFile {
  constructor(dbPath: string) {
    super(dbPath, {
      what: 'queue',
      schemaVersion: SCHEMA_VERSION,
      createSchema: (db) => db.exec(SCHEMA),
      error: (message, options) => new QueueStoreError(message, options),
    });
  }

  /**
   * Stores the events of one push; a job pushed to again keeps its counts. With `rate`, refuses the push (false,
   * nothing stored) when it would take the events pushed within the last `windowMs` over `limit`: the count is
   * kept in the file, so every process that pushes to it (the host, child invocations) shares one budget, as the
   * platform counts per installation.
   */
  insert(
    job: { jobId: string; queueName: string },
    events: readonly NewEvent[],
    nowMs: number,
    rate?: { limit: number; windowMs: number },
  ): boolean {
    return this.transaction(() => {
      if (rate) {
        this.statement(`DELETE FROM queue_pushes WHERE pushed_at <= ?`).run(nowMs - rate.windowMs);
        const { pushed } = this.statement(`SELECT COALESCE(SUM(events), 0) AS pushed FROM queue_pushes`).get() as {
          pushed: number;
        };
        if (pushed + events.length > rate.limit) return false;
        this.statement(`INSERT INTO queue_pushes (pushed_at, events) VALUES (?, ?)`).run(nowMs, events.length);
      }
      this.statement(
        `INSERT INTO queue_jobs (job_id, queue_name, created_at) VALUES (?, ?, ?) ON CONFLICT (job_id) DO NOTHING`,
      ).run(job.jobId, job.queueName, nowMs);
      const insert = this.statement(
        `INSERT INTO queue_events (event_id, queue_name, job_id, body, due_at, concurrency_key, concurrency_limit, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const event of events) {
        insert.run(
          event.eventId,
          job.queueName,
          job.jobId,
          event.body,
          event.dueAt,
          event.concurrency?.key ?? null,
          event.concurrency?.limit ?? null,
          nowMs,
        );
      }
      return true;
    });
  }

  /** Waiting events of the given queues that are due, soonest first (push order within the same due time). */
  due(queues: readonly string[], nowMs: number, limit: number): StoredEvent[] {
    const rows = this.statement(
      `SELECT ${EVENT_COLUMNS} FROM queue_events
       WHERE lease_owner IS NULL AND due_at <= ? AND ${IN_QUEUES} ORDER BY due_at, rowid LIMIT ?`,
    ).all(nowMs, JSON.stringify(queues), limit) as EventRow[];
    return rows.map(toEvent);
  }

  /**
   * Events leased by another run (another host process, or one that died): all of them, or with `expiredAt` only
   * those whose lease ran out by then.
   */
  leasedByOthers(runId: string, expiredAt?: number): StoredEvent[] {
    const rows = this.statement(
      `SELECT ${EVENT_COLUMNS} FROM queue_events
       WHERE lease_owner IS NOT NULL AND lease_owner <> ? AND (? IS NULL OR lease_expires_at <= ?) ORDER BY rowid`,
    ).all(runId, expiredAt ?? null, expiredAt ?? null) as EventRow[];
    return rows.map(toEvent);
  }

  /** Takes a waiting event for `runId`; false when another run took it first. */
  lease(eventId: string, runId: string, expiresAt: number): boolean {
    const result = this.statement(
      `UPDATE queue_events SET lease_owner = ?, lease_expires_at = ? WHERE event_id = ? AND lease_owner IS NULL`,
    ).run(runId, expiresAt, eventId);
    return result.changes === 1;
  }

  /** The event was delivered: it is gone, and its job counts one success. */
  complete(event: Pick<StoredEvent, 'eventId' | 'jobId'>): void {
    this.transaction(() => {
      this.statement(`DELETE FROM queue_events WHERE event_id = ?`).run(event.eventId);
      this.statement(`UPDATE queue_jobs SET succeeded = succeeded + 1 WHERE job_id = ?`).run(event.jobId);
    });
  }

  /** Puts the event back to wait for its next delivery, unleased. */
  reschedule(
    eventId: string,
    retry: { retryCount: number; retryReason: string; retryData: string | undefined; dueAt: number },
  ): void {
    this.statement(
      `UPDATE queue_events SET retry_count = ?, retry_reason = ?, retry_data = ?, due_at = ?, lease_owner = NULL,
         lease_expires_at = NULL WHERE event_id = ?`,
    ).run(retry.retryCount, retry.retryReason, retry.retryData ?? null, retry.dueAt, eventId);
  }

  /** The event is given up: it is gone; `failed` counts it against its job (not so for a cancelled job's retry). */
  remove(event: Pick<StoredEvent, 'eventId' | 'jobId'>, outcome: 'failed' | 'cancelled'): void {
    this.transaction(() => {
      this.statement(`DELETE FROM queue_events WHERE event_id = ?`).run(event.eventId);
      if (outcome === 'failed') {
        this.statement(`UPDATE queue_jobs SET failed = failed + 1 WHERE job_id = ?`).run(event.jobId);
      }
    });
  }

  /** Counts of the waiting events of the given queues. */
  waiting(queues: readonly string[], nowMs: number): { ready: number; delayed: number; nextDueAt: number | undefined } {
    const row = this.statement(
      `SELECT COALESCE(SUM(due_at <= ?), 0) AS ready, COALESCE(SUM(due_at > ?), 0) AS delayed, MIN(due_at) AS next_due_at
       FROM queue_events WHERE lease_owner IS NULL AND ${IN_QUEUES}`,
    ).get(nowMs, nowMs, JSON.stringify(queues)) as { ready: number; delayed: number; next_due_at: number | null };
    return { ready: row.ready, delayed: row.delayed, nextDueAt: row.next_due_at ?? undefined };
  }

  /** Whether any event of the given queues is stored, leased or not. */
  hasEvents(queues: readonly string[]): boolean {
    return (
      this.statement(`SELECT 1 FROM queue_events WHERE ${IN_QUEUES} LIMIT 1`).get(JSON.stringify(queues)) !== undefined
    );
  }

  /** A job's counts, or undefined when the queue never had that job. */
  jobStats(jobId: string, queueName: string): JobStats | undefined {
    const job = this.statement(`SELECT succeeded, failed FROM queue_jobs WHERE job_id = ? AND queue_name = ?`).get(
      jobId,
      queueName,
    ) as { succeeded: number; failed: number } | undefined;
    if (!job) return undefined;
    const pending = this.statement(`SELECT COUNT(*) AS count FROM queue_events WHERE job_id = ?`).get(jobId) as {
      count: number;
    };
    return { success: job.succeeded, inProgress: pending.count, failed: job.failed };
  }

  /**
   * Cancels a job: its waiting events go, and events being delivered now are not retried. False when the queue
   * never had that job.
   */
  cancelJob(jobId: string, queueName: string): boolean {
    return this.transaction(() => {
      const updated = this.statement(`UPDATE queue_jobs SET cancelled = 1 WHERE job_id = ? AND queue_name = ?`).run(
        jobId,
        queueName,
      );
      if (updated.changes === 0) return false;
      this.statement(`DELETE FROM queue_events WHERE job_id = ? AND lease_owner IS NULL`).run(jobId);
      return true;
    });
  }

  isCancelled(jobId: string): boolean {
    const row = this.statement(`SELECT cancelled FROM queue_jobs WHERE job_id = ?`).get(jobId) as
      { cancelled: number } | undefined;
    return row?.cancelled === 1;
  }
}
