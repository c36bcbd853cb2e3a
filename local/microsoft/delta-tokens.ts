import { randomBase64Url } from './ids';

/** What a delta round was asked for: Graph encodes the first request's parameters into its tokens (delta-query-messages). */
export interface DeltaParams {
  mailbox: string;
  folderId: string;
  /** The path the links repeat, e.g. /v1.0/users/x/mailFolders/inbox/messages/delta. */
  path: string;
  select: string[] | undefined;
  changeType: 'created' | 'updated' | 'deleted' | undefined;
  /** `receivedDateTime ge|gt {at}`. */
  filter: { op: 'ge' | 'gt'; at: number } | undefined;
  /** Newest first (the only $orderby delta accepts). */
  newestFirst: boolean;
  /** Messages per page: `Prefer: odata.maxpagesize` or `$top`. */
  pageSize: number;
  /** Whether the client asked with odata.maxpagesize (echoed in Preference-Applied). */
  maxPageSizeAsked: boolean;
}

/** A position in a folder's change journal: where the next round starts (deltatoken), or the rest of a round (skiptoken). */
export type DeltaState =
  | { kind: 'delta'; params: DeltaParams; seq: number }
  | { kind: 'skip'; params: DeltaParams; seq: number; pending: DeltaItem[] };

/** A message of a round: present (by immutable id) or removed. */
export type DeltaItem =
  { immutableId: string; removed: false } | { immutableId: string; restId: string; removed: true };

/** Tokens handed out so far; forgetting them all is the knob that expires every token (410 syncStateNotFound). */
export class DeltaTokens {
  private readonly states = new Map<string, DeltaState>();

  issue(state: DeltaState): string {
    const token = randomBase64Url(24);
    this.states.set(token, state);
    return token;
  }

  take(token: string): DeltaState | undefined {
    return this.states.get(token);
  }

  expireAll(): void {
    this.states.clear();
  }
}
