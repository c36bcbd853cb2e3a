import type { LocalRequest, LocalResponse } from '../http-types';
import type { AdfDoc } from './adf/types';

/** Who a Jira REST call is made as: `requestJira` asUser carries the invoking user, asApp the app. */
export type JiraActor = { type: 'user'; accountId: string } | { type: 'app' } | { type: 'anonymous' };

export interface JiraUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  /** Jira global permission ADMINISTER. */
  isAdmin: boolean;
  avatarColor?: string;
}

/**
 * One `jira:entityProperty` manifest module of an installed app: which values of an entity property Jira indexes
 * for JQL (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/).
 */
export interface IndexedEntityProperty {
  /** `issue` unless told; the local site searches issues only. */
  entityType?: 'issue' | 'user' | 'project';
  propertyKey: string;
  values: readonly {
    /** Keys of the flattened JSON value joined by '.', e.g. `label.color`. */
    path: string;
    type: 'number' | 'string' | 'text' | 'user' | 'date';
    /** A JQL field name of its own for the value (no dots). */
    searchAlias?: string;
  }[];
}

export interface JiraEmulatorOptions {
  /** The site URL issues link back to, e.g. `http://127.0.0.1:4000`. */
  siteUrl: string;
  /**
   * Entity property values indexed for JQL, as the installed app's `jira:entityProperty` modules declare them.
   * Jira indexes no other: `issue.property[key].path` on a value not listed matches no issue.
   */
  indexedEntityProperties?: readonly IndexedEntityProperty[];
}

/** The Forge product events the local site emits. */
export type JiraProductEventType =
  | 'avi:jira:created:issue'
  | 'avi:jira:commented:issue'
  | 'avi:jira:updated:issue'
  | 'avi:jira:assigned:issue'
  | 'avi:jira:created:attachment';

/** The issue events: their payloads carry the issue. */
export type JiraIssueEventType = Exclude<JiraProductEventType, 'avi:jira:created:attachment'>;

/** A person as Forge's event payloads name them. */
export type JiraEventUser = { accountId: string };

/** The issue of an event: the fields Forge's issue events carry, links in REST v2 form as Forge sends them. */
export type JiraEventIssue = {
  id: string;
  key: string;
  fields: {
    summary: string;
    issuetype: {
      self: string;
      id: string;
      description: string;
      iconUrl: string;
      name: string;
      subtask: boolean;
      avatarId: number;
      hierarchyLevel: number;
    };
    project: {
      self: string;
      id: string;
      key: string;
      name: string;
      projectTypeKey: string;
      simplified: boolean;
      avatarUrls: Record<string, string>;
    };
    status: {
      self: string;
      description: string;
      iconUrl: string;
      name: string;
      id: string;
      statusCategory: { self: string; id: number; key: string; colorName: string; name: string };
    };
    reporter: JiraEventUser | null;
    assignee: JiraEventUser | null;
    creator: JiraEventUser | null;
    /** Jira date-times in UTC (`2025-03-08T10:00:00.000+0000`). */
    created: string;
    updated: string;
  };
};

export type JiraEventCommentAuthor = { accountId: string; accountType: 'atlassian' | 'app'; displayName: string };

export type JiraEventComment = {
  id: string;
  self: string;
  author: JiraEventCommentAuthor;
  updateAuthor: JiraEventCommentAuthor;
  body: AdfDoc;
  created: string;
  updated: string;
  jsdPublic: boolean;
};

/** One changed field, as Jira's changelog records it; `from`/`to` are ids, the strings their names. */
export type JiraEventChangeItem = {
  field: string;
  fieldtype: 'jira';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

/**
 * The first argument's own fields of a Forge `trigger` function for a Jira issue event: `comment` on
 * avi:jira:commented:issue, `changelog` on avi:jira:updated:issue.
 */
export type JiraIssueEventPayload = {
  eventType: JiraIssueEventType;
  /** Who caused the event: the acting person, or the app's account for `asApp` calls. */
  atlassianId: string;
  issue: JiraEventIssue;
  associatedUsers: JiraEventUser[];
  comment?: JiraEventComment;
  changelog?: { id: string; items: JiraEventChangeItem[] };
};

/**
 * avi:jira:created:attachment: `attachment` and no issue (the issue is named by `issueId`),
 * https://developer.atlassian.com/platform/forge/events-reference/jira/#attachment-events
 */
export type JiraAttachmentEventPayload = {
  eventType: 'avi:jira:created:attachment';
  atlassianId: string;
  attachment: {
    id: number;
    issueId: number;
    fileName: string;
    mimeType: string;
    size: number;
    /** Jira writes it in UTC without a zone (`2025-03-08 10:00:00.0`). */
    created: string;
    author: JiraEventCommentAuthor;
  };
};

interface JiraProductEventBase {
  /** Unique per event on this site (`jira-event-1`, …); not part of Forge's payload. */
  id: string;
  /** Who the REST call that caused it ran as. */
  actor: JiraActor;
}

export interface JiraIssueProductEvent extends JiraProductEventBase {
  eventType: JiraIssueEventType;
  payload: JiraIssueEventPayload;
}

export interface JiraAttachmentProductEvent extends JiraProductEventBase {
  eventType: 'avi:jira:created:attachment';
  payload: JiraAttachmentEventPayload;
}

/** What `onEvent` listeners get: the Forge payload, plus what the site knows around it. */
export type JiraProductEvent = JiraIssueProductEvent | JiraAttachmentProductEvent;

/**
 * An event a handler raised, before the site gives it its id and actor. Here, with the payloads, so that the
 * request context (which raises them) and events.ts (which builds them) need not import each other.
 */
export type RaisedEvent =
  | { eventType: JiraIssueEventType; payload: JiraIssueEventPayload }
  | { eventType: 'avi:jira:created:attachment'; payload: JiraAttachmentEventPayload };

/** An answer whose body may still be coming: attachment content is made as it is read. */
export interface JiraStreamingResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string | ReadableStream<Uint8Array>;
}

/** A file made from a seed (local/jira/attachment-content.ts): any size, held as a recipe, the same bytes every run. */
export interface GeneratedAttachmentInput {
  issueKey: string;
  filename: string;
  /** `application/octet-stream` when not given. */
  mimeType?: string;
  size: number;
  seed: number;
  /** Alex Admin when not given. */
  authorAccountId?: string;
}

/**
 * The local Jira Cloud site: answers Jira REST v3 calls from seeded sample issues (DEMO-1 onwards),
 * shaped as Atlassian's OpenAPI description says. Created with `createJiraEmulator(options)` from `local/jira`.
 */
export interface JiraEmulator {
  readonly siteUrl: string;
  readonly cloudId: string;
  /** Answers one REST call (`/rest/api/3/...`, `/rest/api/2/...`) as the given actor. */
  handle: (request: LocalRequest, actor: JiraActor) => Promise<LocalResponse>;
  users: () => JiraUser[];
  user: (accountId: string) => JiraUser | undefined;
  /** Issue keys in order, for the host's pages. */
  issueKeys: () => string[];
  /**
   * Calls `listener` after each successful change that Jira reports as a product event: an issue created, a
   * comment added, a status changed. Returns the function that stops the calls.
   */
  onEvent: (listener: (event: JiraProductEvent) => void) => () => void;
}

/** The local site as `createJiraEmulator` makes it: a JiraEmulator that can also stream and take generated files. */
export interface StreamingJiraEmulator extends JiraEmulator {
  /**
   * As `handle`, but attachment content comes as a stream made while it is read, never whole: for a host that
   * passes bodies through (`handle` collects them into one buffer).
   */
  handleStreaming: (request: LocalRequest, actor: JiraActor) => Promise<JiraStreamingResponse>;
  /** Attaches a generated file to an issue, as Alex unless told; throws for an unknown issue or author. */
  attachGeneratedFile: (input: GeneratedAttachmentInput) => { id: string; mediaId: string };
}
