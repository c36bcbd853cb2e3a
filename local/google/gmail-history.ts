/*
 * A mailbox's history as users.history.list returns it
 * (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.history/list): records after
 * `startHistoryId`, oldest first, each naming the message (id, threadId, labelIds) and, for label changes, the
 * labels added or removed. "Supplying an invalid or out of date startHistoryId typically returns an HTTP 404"; the
 * emulator forgets every record before the point `expire()` sets, so tests can reach that 404.
 */

export type HistoryType = 'messageAdded' | 'messageDeleted' | 'labelAdded' | 'labelRemoved';
export const HISTORY_TYPES: readonly HistoryType[] = ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved'];

export interface HistoryMessage {
  id: string;
  threadId: string;
  labelIds: string[];
}

export interface HistoryRecord {
  id: number;
  type: HistoryType;
  /** The message as it was right after the change. */
  message: HistoryMessage;
  /** For labelAdded / labelRemoved: the labels the change added or removed. */
  labelIds?: string[];
}

export class MailboxHistory {
  private readonly records: HistoryRecord[] = [];
  /** The oldest startHistoryId still answered. */
  private validFrom: number;

  constructor(start: number) {
    this.validFrom = start;
  }

  add(record: HistoryRecord): void {
    this.records.push({ ...record, message: { ...record.message, labelIds: [...record.message.labelIds] } });
  }

  /** Whether records after `start` are still known: not before the retention point, not after `current`. */
  answers(start: number): boolean {
    return start >= this.validFrom;
  }

  after(start: number): HistoryRecord[] {
    return this.records.filter((record) => record.id > start);
  }

  /** Every history id so far is out of date, as a week or more after it. */
  expire(current: number): void {
    this.validFrom = current;
    this.records.length = 0;
  }
}
