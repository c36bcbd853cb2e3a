import * as z from 'zod/mini';
import type { NotificationEvent } from '../contract/notification-rules';

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
  /** The change was made by an app account (a comment's author): never answered with mail. */
  byApp: boolean;
}

const userSchema = z.object({ accountId: z.optional(z.string()), accountType: z.optional(z.string()) });

const eventSchema = z.object({
  eventType: z.string(),
  atlassianId: z.optional(z.nullable(z.string())),
  issue: z.object({
    id: z.string().check(z.regex(/^[0-9]{1,18}$/)),
    key: z.string(),
    fields: z.object({ project: z.object({ key: z.string() }), updated: z.optional(z.string()) }),
  }),
  comment: z.optional(z.object({ id: z.string(), author: z.optional(z.nullable(userSchema)) })),
  changelog: z.optional(
    z.object({
      id: z.optional(z.string()),
      items: z.array(z.object({ field: z.optional(z.string()), fieldId: z.optional(z.string()), toString: z.optional(z.nullable(z.string())) })),
    }),
  ),
});

/**
 * Reads a Forge product event (avi:jira:created:issue, avi:jira:commented:issue, avi:jira:updated:issue). An
 * update that did not change the status, or an event of another kind, is not one a rule listens to: undefined.
 */
export const parseIssueEvent = (event: unknown): IssueEventFact | undefined => {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const { eventType, issue, comment, changelog, atlassianId } = parsed.data;
  const base = {
    issue: { id: issue.id, key: issue.key, projectKey: issue.fields.project.key },
    actorAccountId: atlassianId ?? undefined,
  };
  switch (eventType) {
    case 'avi:jira:created:issue':
      return { ...base, kind: 'issue-created', eventId: `created:${issue.id}`, byApp: false };
    case 'avi:jira:commented:issue':
      if (comment === undefined) return undefined;
      return {
        ...base,
        kind: 'issue-commented',
        eventId: `comment:${comment.id}`,
        actorAccountId: comment.author?.accountId ?? base.actorAccountId,
        byApp: comment.author?.accountType === 'app',
      };
    case 'avi:jira:updated:issue': {
      const status = changelog?.items.find((item) => item.field === 'status' || item.fieldId === 'status');
      if (status === undefined || typeof status.toString !== 'string') return undefined;
      const change = changelog?.id ?? `${issue.id}:${issue.fields.updated ?? ''}:${status.toString}`;
      return { ...base, kind: 'issue-transitioned', eventId: `changelog:${change}`, toStatus: status.toString, byApp: false };
    }
    default:
      return undefined;
  }
};
