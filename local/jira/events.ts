import { projectAvatarUrls } from './beans/catalog';
import { jiraDateTime } from './dates';
import type { RequestContext } from './http/context';
import type { StoredAttachment, StoredChangelog, StoredComment, StoredIssue } from './model';
import { ISSUE_TYPES, STATUS_CATEGORIES, STATUSES } from './seed/catalog';
import type { SiteStore } from './store';
import type {
  JiraEventCommentAuthor,
  JiraEventIssue,
  JiraEventUser,
  JiraIssueEventPayload,
  JiraIssueEventType,
  RaisedEvent,
} from './types';

/** Forge sends event dates in the site's zone, and links in REST v2 form. */
const EVENT_TIME_ZONE = 'UTC';
const eventDate = (iso: string): string => jiraDateTime(iso, EVENT_TIME_ZONE);

class EventPayloadError extends Error {
  override name = 'EventPayloadError';
  readonly code = 'JIRA_EVENT_PAYLOAD_INVALID';
}

const user = (accountId: string | null): JiraEventUser | null => (accountId ? { accountId } : null);

/** The issue as Forge's issue events carry it. */
const eventIssue = (ctx: RequestContext, issue: StoredIssue): JiraEventIssue => {
  const base = `${ctx.siteUrl}/rest/api/2`;
  const type = ISSUE_TYPES.find((candidate) => candidate.id === issue.issueTypeId);
  const status = STATUSES.find((candidate) => candidate.id === issue.statusId);
  const category = STATUS_CATEGORIES.find((candidate) => candidate.id === status?.categoryId);
  const project = ctx.store.project(issue.projectKey);
  if (!type || !status || !category || !project) {
    throw new EventPayloadError(`Issue ${issue.key} names an issue type, status or project the site does not have.`);
  }
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: {
        self: `${base}/issuetype/${type.id}`,
        id: type.id,
        description: type.description,
        iconUrl: `${base}/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
        name: type.name,
        subtask: false,
        avatarId: type.avatarId,
        hierarchyLevel: 0,
      },
      project: {
        self: `${base}/project/${project.id}`,
        id: project.id,
        key: project.key,
        name: project.name,
        projectTypeKey: project.projectTypeKey,
        simplified: false,
        avatarUrls: projectAvatarUrls({ ...ctx, restBase: base }, project),
      },
      status: {
        self: `${base}/status/${status.id}`,
        description: status.description,
        iconUrl: `${ctx.siteUrl}${status.iconPath}`,
        name: status.name,
        id: status.id,
        statusCategory: {
          self: `${base}/statuscategory/${category.id}`,
          id: category.id,
          key: category.key,
          colorName: category.colorName,
          name: category.name,
        },
      },
      reporter: user(issue.reporterId),
      assignee: user(issue.assigneeId),
      creator: user(issue.creatorId),
      created: eventDate(issue.created),
      updated: eventDate(issue.updated),
    },
  };
};

const commentAuthor = (store: SiteStore, accountId: string): JiraEventCommentAuthor => {
  const author = store.author(accountId);
  if (!author) throw new EventPayloadError('A comment names an author the site does not have.');
  return { accountId: author.accountId, accountType: author.accountType, displayName: author.displayName };
};

/** The account that caused an event: the person, or the app's own account for `asApp` calls. */
export const actorAccountId = (ctx: RequestContext): string => {
  if (ctx.viewer?.kind === 'user') return ctx.viewer.user.accountId;
  return ctx.store.appUser.accountId;
};

const raised = (
  ctx: RequestContext,
  eventType: JiraIssueEventType,
  issue: StoredIssue,
  extra: Partial<JiraIssueEventPayload>,
): RaisedEvent => {
  const atlassianId = actorAccountId(ctx);
  return {
    eventType,
    payload: {
      eventType,
      atlassianId,
      issue: eventIssue(ctx, issue),
      associatedUsers: [{ accountId: atlassianId }],
      ...extra,
    },
  };
};

/** avi:jira:created:issue */
export const issueCreated = (ctx: RequestContext, issue: StoredIssue): RaisedEvent =>
  raised(ctx, 'avi:jira:created:issue', issue, {});

/** avi:jira:commented:issue */
export const issueCommented = (ctx: RequestContext, issue: StoredIssue, comment: StoredComment): RaisedEvent =>
  raised(ctx, 'avi:jira:commented:issue', issue, {
    comment: {
      id: comment.id,
      self: `${ctx.siteUrl}/rest/api/2/issue/${issue.id}/comment/${comment.id}`,
      author: commentAuthor(ctx.store, comment.authorId),
      updateAuthor: commentAuthor(ctx.store, comment.updateAuthorId),
      body: structuredClone(comment.body),
      created: eventDate(comment.created),
      updated: eventDate(comment.updated),
      jsdPublic: true,
    },
  });

/**
 * avi:jira:updated:issue, with the change that made it: "The to and from fields display the previous and new
 * values for each changed field" (ids; fromString/toString their names), and `associatedUsers` "the one who made
 * the update, and any assigned or unassigned users in the update being made".
 * https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-updated
 */
export const issueUpdated = (ctx: RequestContext, issue: StoredIssue, changelog: StoredChangelog): RaisedEvent =>
  raised(ctx, 'avi:jira:updated:issue', issue, {
    changelog: { id: changelog.id, items: changelog.items.map((item) => ({ ...item })) },
    associatedUsers: associatedUsersOf(ctx, changelog),
  });

const associatedUsersOf = (ctx: RequestContext, changelog: StoredChangelog): JiraEventUser[] => {
  const ids = [actorAccountId(ctx)];
  for (const item of changelog.items) {
    if (item.field !== 'assignee') continue;
    for (const id of [item.from, item.to]) if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids.map((accountId) => ({ accountId }));
};

/**
 * avi:jira:assigned:issue, sent with the avi:jira:updated:issue of the same change "when a user is assigned or
 * unassigned from an issue"; its changelog's `to` and `from` are the assignees' account ids (null when none).
 * https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-assigned
 */
export const issueAssigned = (ctx: RequestContext, issue: StoredIssue, changelog: StoredChangelog): RaisedEvent => {
  const items = changelog.items.filter((item) => item.field === 'assignee').map((item) => ({ ...item }));
  return raised(ctx, 'avi:jira:assigned:issue', issue, {
    changelog: { id: changelog.id, items },
    associatedUsers: associatedUsersOf(ctx, { ...changelog, items }),
  });
};

/**
 * avi:jira:created:attachment: `attachment` (id, issueId, fileName, mimeType, size, created, author) and no
 * issue. https://developer.atlassian.com/platform/forge/events-reference/jira/#attachment-events
 */
export const attachmentCreated = (store: SiteStore, attachment: StoredAttachment): RaisedEvent => ({
  eventType: 'avi:jira:created:attachment',
  payload: {
    eventType: 'avi:jira:created:attachment',
    atlassianId: attachment.authorId,
    attachment: {
      id: Number(attachment.id),
      issueId: Number(attachment.issueId),
      fileName: attachment.filename,
      mimeType: attachment.mimeType,
      size: attachment.content.size,
      created: attachment.created.replace('T', ' ').replace(/Z$/, ''),
      author: commentAuthor(store, attachment.authorId),
    },
  },
});
