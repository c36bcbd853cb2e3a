import * as z from 'zod/mini';

import type { NotificationEvent } from '../contract/notification-rules';

/** A changed field as the changelog names it: its id (or, on old changelogs, its name) and its name. */
export interface ChangedField {
  id: string;
  name: string;
}

/** What a rule needs to know of a Jira product event. */
export interface IssueEventFact {
  kind: NotificationEvent;
  /** Unique per event (the issue on creation, the comment, the changelog): what "fires once" is keyed on. */
  eventId: string;
  issue: { id: string; key: string; projectKey: string };
  /** Who caused it, when Jira says. */
  actorAccountId: string | undefined;
  /** The status the issue moved to (transitions only). */
  toStatus?: string;
  /** The old and new value as Jira words them: a priority, the assignee's name, a resolution. */
  change?: { from: string | null; to: string | null };
  /** Every field the change touched (field-changed only). */
  fields?: ChangedField[];
  /** The file added (attachment-added only). */
  attachment?: { id: string; fileName: string };
  /** The change was made by an app account (a comment's author): never answered with mail. */
  byApp: boolean;
}

/** An attachment event names its issue by id only: the handler reads the issue's key and project (as the app). */
export interface AttachmentEventFact {
  issueId: string;
  attachment: { id: string; fileName: string };
  actorAccountId: string | undefined;
  byApp: boolean;
}

const userSchema = z.object({ accountId: z.optional(z.string()), accountType: z.optional(z.string()) });
const idSchema = z.union([z.string().check(z.regex(/^[0-9]{1,18}$/)), z.int().check(z.nonnegative())]);

const changeItemSchema = z.object({
  field: z.optional(z.string()),
  fieldId: z.optional(z.string()),
  from: z.optional(z.nullable(z.string())),
  fromString: z.optional(z.nullable(z.string())),
  to: z.optional(z.nullable(z.string())),
  toString: z.optional(z.nullable(z.string())),
});
type ChangeItem = z.output<typeof changeItemSchema>;

const eventSchema = z.object({
  eventType: z.string(),
  atlassianId: z.optional(z.nullable(z.string())),
  issue: z.object({
    id: z.string().check(z.regex(/^[0-9]{1,18}$/)),
    key: z.string(),
    fields: z.object({ project: z.object({ key: z.string() }), updated: z.optional(z.string()) }),
  }),
  comment: z.optional(z.object({ id: z.string(), author: z.optional(z.nullable(userSchema)) })),
  changelog: z.optional(z.object({ id: z.optional(z.string()), items: z.array(changeItemSchema) })),
});

/**
 * avi:jira:created:attachment carries `attachment` (id, issueId, fileName, mimeType, size, author) and no issue:
 * https://developer.atlassian.com/platform/forge/events-reference/jira/#attachment-events
 */
const attachmentEventSchema = z.object({
  eventType: z.literal('avi:jira:created:attachment'),
  atlassianId: z.optional(z.nullable(z.string())),
  attachment: z.object({
    id: idSchema,
    issueId: idSchema,
    fileName: z.string(),
    author: z.optional(z.nullable(userSchema)),
  }),
});

const isField = (item: ChangeItem, id: string): boolean =>
  item.fieldId === id || (item.fieldId === undefined && item.field === id);
const fieldOf = (item: ChangeItem): ChangedField | undefined => {
  const id = item.fieldId ?? item.field;
  return id === undefined ? undefined : { id, name: item.field ?? id };
};

type Base = Pick<IssueEventFact, 'issue' | 'actorAccountId' | 'byApp'>;

/**
 * What one avi:jira:updated:issue says, as each rule event reads it: a status change (transitioned), a resolution
 * set (resolved), a priority change, and every changed field (field-changed). "The level of detail in the event's
 * changelog depends on which field is changed" (https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-updated),
 * so each reads only `field`/`fieldId` and the `fromString`/`toString` Jira words.
 */
const updatedFacts = (base: Base, items: readonly ChangeItem[], eventId: string): IssueEventFact[] => {
  const facts: IssueEventFact[] = [];
  const status = items.find((item) => isField(item, 'status'));
  if (status !== undefined && typeof status.toString === 'string') {
    facts.push({ ...base, kind: 'issue-transitioned', eventId, toStatus: status.toString });
  }
  const resolution = items.find((item) => isField(item, 'resolution'));
  if (resolution !== undefined && (resolution.to ?? resolution.toString ?? null) !== null) {
    facts.push({
      ...base,
      kind: 'issue-resolved',
      eventId,
      change: { from: resolution.fromString ?? null, to: resolution.toString ?? null },
    });
  }
  const priority = items.find((item) => isField(item, 'priority'));
  if (priority !== undefined) {
    facts.push({
      ...base,
      kind: 'priority-changed',
      eventId,
      change: { from: priority.fromString ?? null, to: priority.toString ?? null },
    });
  }
  const fields = items.flatMap((item) => fieldOf(item) ?? []);
  if (fields.length > 0) facts.push({ ...base, kind: 'field-changed', eventId, fields });
  return facts;
};

/**
 * Reads a Forge product event (https://developer.atlassian.com/platform/forge/events-reference/jira/):
 * avi:jira:created:issue, avi:jira:commented:issue, avi:jira:updated:issue (one fact per rule event the change
 * means), avi:jira:assigned:issue (assigned to someone; an unassignment is not "assigned"). An event of another
 * kind, or one a rule does not listen to, gives no facts.
 */
export const parseIssueEvent = (event: unknown): IssueEventFact[] => {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return [];
  const { eventType, issue, comment, changelog, atlassianId } = parsed.data;
  const base: Base = {
    issue: { id: issue.id, key: issue.key, projectKey: issue.fields.project.key },
    actorAccountId: atlassianId ?? undefined,
    byApp: false,
  };
  const items = changelog?.items ?? [];
  switch (eventType) {
    case 'avi:jira:created:issue':
      return [{ ...base, kind: 'issue-created', eventId: `created:${issue.id}` }];
    case 'avi:jira:commented:issue':
      if (comment === undefined) return [];
      return [
        {
          ...base,
          kind: 'issue-commented',
          eventId: `comment:${comment.id}`,
          actorAccountId: comment.author?.accountId ?? base.actorAccountId,
          byApp: comment.author?.accountType === 'app',
        },
      ];
    case 'avi:jira:updated:issue': {
      const status = items.find((item) => isField(item, 'status'));
      const change = changelog?.id ?? `${issue.id}:${issue.fields.updated ?? ''}:${status?.toString ?? items.length}`;
      return updatedFacts(base, items, `changelog:${change}`);
    }
    case 'avi:jira:assigned:issue': {
      // "The to and from fields display the accounts IDs of the assignees ... or null when the issue is unassigned".
      const assignee = items.find((item) => isField(item, 'assignee'));
      if (assignee === undefined || (assignee.to ?? null) === null) return [];
      const change = changelog?.id ?? `${issue.id}:${issue.fields.updated ?? ''}:${assignee.to ?? ''}`;
      return [
        {
          ...base,
          kind: 'issue-assigned',
          eventId: `assigned:${change}`,
          change: { from: assignee.fromString ?? null, to: assignee.toString ?? null },
        },
      ];
    }
    default:
      return [];
  }
};

/** Reads avi:jira:created:attachment; anything else is undefined. */
export const parseAttachmentEvent = (event: unknown): AttachmentEventFact | undefined => {
  const parsed = attachmentEventSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const { attachment, atlassianId } = parsed.data;
  return {
    issueId: String(attachment.issueId),
    attachment: { id: String(attachment.id), fileName: attachment.fileName },
    actorAccountId: attachment.author?.accountId ?? atlassianId ?? undefined,
    byApp: attachment.author?.accountType === 'app',
  };
};

/** The attachment event as a rule reads it, once its issue is known. */
export const attachmentFact = (fact: AttachmentEventFact, issue: IssueEventFact['issue']): IssueEventFact => ({
  kind: 'attachment-added',
  eventId: `attachment:${fact.attachment.id}`,
  issue,
  actorAccountId: fact.actorAccountId,
  attachment: fact.attachment,
  byApp: fact.byApp,
});
