import type { AdfDoc } from './adf/types';
import type {
  AppUser,
  Project,
  ProjectRoleActors,
  ProjectRoleDefinition,
  SiteGroup,
  SiteUser,
  StoredAttachment,
  StoredComment,
  StoredIssue,
} from './model';
import { DEMO_PROJECT } from './seed/catalog';
import { buildSeedState, FIRST_COMMENT_ID } from './seed';
import { PROJECT_ROLES, ROLE_ACTORS, SITE_GROUPS } from './seed/groups';

/** The site's mutable state: seeded issues plus whatever calls add (comments, issue properties). */
export class SiteStore {
  private readonly issueList: StoredIssue[];
  private readonly comments: StoredComment[];
  private readonly attachments: StoredAttachment[];
  private readonly userList: readonly SiteUser[];
  private nextCommentId: number;

  constructor(
    users: readonly SiteUser[],
    readonly appUser: AppUser,
  ) {
    const seed = buildSeedState();
    this.issueList = seed.issues;
    this.comments = seed.comments;
    this.attachments = seed.attachments;
    this.userList = users;
    this.nextCommentId = FIRST_COMMENT_ID + seed.comments.length;
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
    return ROLE_ACTORS.find((actors) => actors.projectKey === projectKey && actors.roleId === roleId) ?? { projectKey, roleId, userIds: [], groupIds: [] };
  }

  projects(): readonly Project[] {
    return [DEMO_PROJECT];
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

  addComment(issue: StoredIssue, authorId: string, body: AdfDoc, at: Date): StoredComment {
    const created = at.toISOString();
    const comment: StoredComment = {
      id: String(this.nextCommentId),
      issueId: issue.id,
      authorId,
      updateAuthorId: authorId,
      body,
      created,
      updated: created,
    };
    this.nextCommentId += 1;
    this.comments.push(comment);
    issue.updated = created;
    return comment;
  }
}
