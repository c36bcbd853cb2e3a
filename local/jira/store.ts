import { createHash } from 'node:crypto';

import type { AdfDoc } from './adf/types';
import type {
  AppUser,
  ChangeItem,
  Project,
  ProjectRoleActors,
  ProjectRoleDefinition,
  SiteGroup,
  SiteUser,
  StoredAttachment,
  StoredChangelog,
  StoredComment,
  StoredIssue,
} from './model';
import { buildSeedState, FIRST_COMMENT_ID } from './seed';
import { PROJECTS, RESOLUTIONS, STATUSES } from './seed/catalog';
import { PROJECT_ROLES, ROLE_ACTORS, SITE_GROUPS } from './seed/groups';
import type { IndexedEntityProperty } from './types';
import { INITIAL_STATUS_ID } from './workflow';

export const change = (
  field: string,
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
): ChangeItem => ({
  field,
  fieldtype: 'jira',
  fieldId: field,
  from,
  fromString,
  to,
  toString,
});

/** What a new issue is made of; the store gives it its id, key, status and dates. */
export interface NewIssue {
  project: Project;
  issueTypeId: string;
  summary: string;
  description: AdfDoc | null;
  priorityId: string;
  reporterId: string;
  creatorId: string;
  assigneeId: string | null;
  labels: string[];
  watcherIds: string[];
  /** Issue properties given with the create call. */
  properties?: Record<string, unknown>;
}

/** Changelog ids of this site start here (seeded issues have no recorded history). */
export const FIRST_CHANGELOG_ID = 10500;

/** Jira's resolution "Done", set when an issue enters a done status and cleared when it leaves. */
const DONE_RESOLUTION = RESOLUTIONS[0];

const categoryOf = (statusId: string): number | undefined =>
  STATUSES.find((status) => status.id === statusId)?.categoryId;
const DONE_CATEGORY = 3;

/** The site's mutable state: seeded issues plus whatever calls add (issues, comments, transitions, properties). */
export class SiteStore {
  private readonly issueList: StoredIssue[];
  private readonly comments: StoredComment[];
  private readonly attachments: StoredAttachment[];
  private readonly changelogs: StoredChangelog[] = [];
  private readonly userList: readonly SiteUser[];
  private nextCommentId: number;
  private nextIssueId: number;
  private nextChangelogId = FIRST_CHANGELOG_ID;

  constructor(
    users: readonly SiteUser[],
    readonly appUser: AppUser,
    /** What JQL may search in entity properties (the app's `jira:entityProperty` modules). */
    readonly propertyIndexes: readonly IndexedEntityProperty[] = [],
  ) {
    const seed = buildSeedState();
    this.issueList = seed.issues;
    this.comments = seed.comments;
    this.attachments = seed.attachments;
    this.userList = users;
    this.nextCommentId = FIRST_COMMENT_ID + seed.comments.length;
    this.nextIssueId = Math.max(...seed.issues.map((issue) => Number(issue.id))) + 1;
  }

  users(): readonly SiteUser[] {
    return this.userList;
  }

  user(accountId: string): SiteUser | undefined {
    return this.userList.find((user) => user.accountId === accountId);
  }

  /** Anyone who can author something: a person or the app. */
  author(accountId: string): SiteUser | AppUser | undefined {
    return accountId === this.appUser.accountId ? this.appUser : this.user(accountId);
  }

  /** Every group, by name as Jira sorts them. */
  groups(): readonly SiteGroup[] {
    return [...SITE_GROUPS].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The groups an account (a person or the app) is in, by name. */
  groupsOf(accountId: string): SiteGroup[] {
    return this.groups().filter((group) => group.memberIds.includes(accountId));
  }

  group(groupId: string): SiteGroup | undefined {
    return SITE_GROUPS.find((group) => group.groupId === groupId);
  }

  projectRoles(): readonly ProjectRoleDefinition[] {
    return PROJECT_ROLES;
  }

  /** A project's actors of one role; a role no one was put in has none. */
  roleActors(projectKey: string, roleId: number): ProjectRoleActors {
    return (
      ROLE_ACTORS.find((actors) => actors.projectKey === projectKey && actors.roleId === roleId) ?? {
        projectKey,
        roleId,
        userIds: [],
        groupIds: [],
      }
    );
  }

  projects(): readonly Project[] {
    return PROJECTS;
  }

  /** By key (case-sensitive, as Jira) or numeric id. */
  project(keyOrId: string): Project | undefined {
    return this.projects().find((project) => project.key === keyOrId || project.id === keyOrId);
  }

  issues(): readonly StoredIssue[] {
    return this.issueList;
  }

  /** By id, or by key case-insensitively: Jira answers `demo-1` with DEMO-1. */
  issue(idOrKey: string): StoredIssue | undefined {
    const upper = idOrKey.toUpperCase();
    return this.issueList.find((issue) => issue.id === idOrKey || issue.key === upper);
  }

  commentsOf(issueId: string): StoredComment[] {
    return this.comments.filter((comment) => comment.issueId === issueId);
  }

  attachmentsOf(issueId: string): StoredAttachment[] {
    return this.attachments.filter((attachment) => attachment.issueId === issueId);
  }

  attachment(id: string): StoredAttachment | undefined {
    return this.attachments.find((attachment) => attachment.id === id);
  }

  attachmentByMediaId(mediaId: string): StoredAttachment | undefined {
    return this.attachments.find((attachment) => attachment.mediaId === mediaId);
  }

  /** Attaches a file to an issue under the next attachment id, as `POST /issue/{key}/attachments` would. */
  addAttachment(attachment: Omit<StoredAttachment, 'id' | 'mediaId'>): StoredAttachment {
    const id = String(Math.max(...this.attachments.map((existing) => Number(existing.id))) + 1);
    // Media Services file ids are UUIDs; this one is fixed by the attachment id, like the seeded ones.
    const digest = createHash('sha256').update(`media:${id}`).digest('hex');
    const mediaId = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
    const stored: StoredAttachment = { ...attachment, id, mediaId };
    this.attachments.push(stored);
    return stored;
  }

  changelogsOf(issueId: string): StoredChangelog[] {
    return this.changelogs.filter((changelog) => changelog.issueId === issueId);
  }

  /** Ids continue after the highest seeded one; keys after the project's highest number (DEMO-7 …). */
  createIssue(input: NewIssue, at: Date): StoredIssue {
    const created = at.toISOString();
    const numbers = this.issueList
      .filter((issue) => issue.projectKey === input.project.key)
      .map((issue) => Number(issue.key.slice(input.project.key.length + 1)));
    const issue: StoredIssue = {
      id: String(this.nextIssueId),
      key: `${input.project.key}-${Math.max(0, ...numbers) + 1}`,
      projectKey: input.project.key,
      summary: input.summary,
      issueTypeId: input.issueTypeId,
      statusId: INITIAL_STATUS_ID,
      priorityId: input.priorityId,
      reporterId: input.reporterId,
      creatorId: input.creatorId,
      assigneeId: input.assigneeId,
      labels: [...input.labels],
      componentIds: [],
      created,
      updated: created,
      statusCategoryChanged: created,
      duedate: null,
      resolutionId: null,
      resolutiondate: null,
      description: input.description,
      environment: null,
      watcherIds: [...input.watcherIds],
      votes: 0,
      properties: input.properties ?? {},
    };
    this.nextIssueId += 1;
    this.issueList.push(issue);
    return issue;
  }

  /**
   * Moves an issue to a status and records the change. Entering a done status resolves the issue as Done and
   * leaving one clears the resolution, as Jira's default post functions do.
   */
  setStatus(issue: StoredIssue, toStatusId: string, authorId: string, at: Date): StoredChangelog {
    const when = at.toISOString();
    const from = STATUSES.find((status) => status.id === issue.statusId);
    const to = STATUSES.find((status) => status.id === toStatusId);
    const items: ChangeItem[] = [];
    const wasDone = categoryOf(issue.statusId) === DONE_CATEGORY;
    const isDone = categoryOf(toStatusId) === DONE_CATEGORY;
    if (isDone && !wasDone && DONE_RESOLUTION) {
      items.push(change('resolution', null, null, DONE_RESOLUTION.id, DONE_RESOLUTION.name));
      issue.resolutionId = DONE_RESOLUTION.id;
      issue.resolutiondate = when;
    } else if (wasDone && !isDone) {
      const resolution = RESOLUTIONS.find((candidate) => candidate.id === issue.resolutionId);
      items.push(change('resolution', resolution?.id ?? null, resolution?.name ?? null, null, null));
      issue.resolutionId = null;
      issue.resolutiondate = null;
    }
    items.push(change('status', issue.statusId, from?.name ?? null, toStatusId, to?.name ?? null));
    if (categoryOf(issue.statusId) !== categoryOf(toStatusId)) issue.statusCategoryChanged = when;
    issue.statusId = toStatusId;
    return this.recordChange(issue, items, authorId, at);
  }

  /** One change of fields the caller has already made to the issue, kept as Jira keeps a changelog. */
  recordChange(issue: StoredIssue, items: ChangeItem[], authorId: string, at: Date): StoredChangelog {
    const when = at.toISOString();
    issue.updated = when;
    const changelog: StoredChangelog = {
      id: String(this.nextChangelogId),
      issueId: issue.id,
      authorId,
      created: when,
      items,
    };
    this.nextChangelogId += 1;
    this.changelogs.push(changelog);
    return changelog;
  }

  /** By id, on any issue. */
  comment(id: string): StoredComment | undefined {
    return this.comments.find((comment) => comment.id === id);
  }

  addComment(
    issue: StoredIssue,
    authorId: string,
    body: AdfDoc,
    at: Date,
    properties: Record<string, unknown> = {},
  ): StoredComment {
    const created = at.toISOString();
    const comment: StoredComment = {
      id: String(this.nextCommentId),
      issueId: issue.id,
      authorId,
      updateAuthorId: authorId,
      body,
      created,
      updated: created,
      properties,
    };
    this.nextCommentId += 1;
    this.comments.push(comment);
    issue.updated = created;
    return comment;
  }
}
