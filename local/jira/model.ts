import type { AdfDoc } from './adf/types';
import type { AttachmentContent } from './attachment-content';
import type { JiraEventChangeItem, JiraUser } from './types';

/** What a seeded person does on the site; decides their permissions (see permissions.ts). */
export type UserRole = 'admin' | 'agent' | 'member' | 'customer';

export interface SiteUser extends JiraUser {
  accountType: 'atlassian' | 'app';
  active: boolean;
  timeZone: string;
  locale: string;
  /** Profile visibility of the email address: Jira omits `emailAddress` for others when 'private'. */
  emailVisibility: 'anyone' | 'private';
  role: UserRole;
  /** Picks the initials avatar, as Atlassian's avatar service does (`AA-3.png`). */
  avatarVariant: number;
}

/** The app's own account: what `asApp` calls act as. */
export interface AppUser {
  accountId: string;
  displayName: string;
  accountType: 'app';
  timeZone: string;
  locale: string;
}

export interface StatusCategory {
  id: number;
  key: 'new' | 'indeterminate' | 'done';
  colorName: string;
  name: string;
}

export interface Status {
  id: string;
  name: string;
  description: string;
  iconPath: string;
  categoryId: number;
}

export interface IssueType {
  id: string;
  name: string;
  description: string;
  avatarId: number;
}

export interface Priority {
  id: string;
  name: string;
  iconName: string;
  statusColor: string;
  description: string;
}

export interface Resolution {
  id: string;
  name: string;
  description: string;
}

export interface Component {
  id: string;
  name: string;
  description: string;
}

export interface Project {
  id: string;
  key: string;
  name: string;
  description: string;
  leadAccountId: string;
  avatarId: number;
  projectTypeKey: 'software' | 'service_desk' | 'business';
  components: Component[];
  issueTypeIds: string[];
  categoryName: string;
}

export interface StoredIssue {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  issueTypeId: string;
  statusId: string;
  priorityId: string;
  reporterId: string;
  creatorId: string;
  assigneeId: string | null;
  labels: string[];
  componentIds: string[];
  /** ISO 8601 instants (UTC); rendered in each caller's time zone. */
  created: string;
  updated: string;
  statusCategoryChanged: string;
  /** `YYYY-MM-DD`, as Jira stores due dates. */
  duedate: string | null;
  resolutionId: string | null;
  resolutiondate: string | null;
  description: AdfDoc | null;
  environment: AdfDoc | null;
  watcherIds: string[];
  votes: number;
  properties: Record<string, unknown>;
}

export interface StoredComment {
  id: string;
  issueId: string;
  authorId: string;
  updateAuthorId: string;
  body: AdfDoc;
  created: string;
  updated: string;
  /** Comment properties (entity properties), by key. */
  properties: Record<string, unknown>;
}

/** One changed field of a changelog entry, as Jira records it (`ChangeDetails`). */
export type ChangeItem = JiraEventChangeItem;

/** One entry of an issue's history: who changed which fields, when. */
export interface StoredChangelog {
  id: string;
  issueId: string;
  authorId: string;
  created: string;
  items: ChangeItem[];
}

export interface StoredAttachment {
  id: string;
  issueId: string;
  /** The Media Services file id ADF `media` nodes name; the renderer maps it back to this attachment. */
  mediaId: string;
  filename: string;
  mimeType: string;
  authorId: string;
  created: string;
  content: AttachmentContent;
}

/** A site group. Group ids are Atlassian's UUIDs: stable, unlike names. */
export interface SiteGroup {
  groupId: string;
  name: string;
  /** People (and the app's account) in the group. */
  memberIds: string[];
}

/** A project role as `GET /role` lists it: shared by every company-managed project. */
export interface ProjectRoleDefinition {
  id: number;
  name: string;
  description: string;
}

/** Who acts in one role of one project: people by account id, groups by group id. */
export interface ProjectRoleActors {
  projectKey: string;
  roleId: number;
  userIds: string[];
  groupIds: string[];
}
