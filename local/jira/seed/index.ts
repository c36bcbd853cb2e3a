import { storedContent } from '../attachment-content';
import { JiraEmulatorError } from '../errors';
import type { StoredAttachment, StoredComment, StoredIssue } from '../model';
import { attachmentBytes } from './attachment-files';
import { DEMO_PROJECT, ISSUE_TYPES, PRIORITIES, PROJECTS, RESOLUTIONS, STATUSES } from './catalog';
import { DEMO_1 } from './issues/demo-1';
import { DEMO_2 } from './issues/demo-2';
import { DEMO_3 } from './issues/demo-3';
import { DEMO_4 } from './issues/demo-4';
import { DEMO_5 } from './issues/demo-5';
import { DEMO_6 } from './issues/demo-6';
import { OPS_1 } from './issues/ops-1';
import { OPS_2 } from './issues/ops-2';
import { SEC_1 } from './issues/sec-1';
import type { SeedIssue } from './seed-types';

/**
 * OPS follows DEMO so that DEMO's ids and comment ids stay as they were; SEC, added last, has no comments and ids
 * below the others', so that the ids of comments, issues and attachments created later stay as they were too.
 */
export const SEED_ISSUES: readonly SeedIssue[] = [DEMO_1, DEMO_2, DEMO_3, DEMO_4, DEMO_5, DEMO_6, OPS_1, OPS_2, SEC_1];

/** Comment ids continue from here in seed order; comments added later take the next ones. */
export const FIRST_COMMENT_ID = 10200;

export interface SeedState {
  issues: StoredIssue[];
  comments: StoredComment[];
  attachments: StoredAttachment[];
}

const lookup = <T extends { id: string; name: string }>(
  items: readonly T[],
  name: string,
  what: string,
  key: string,
): string => {
  const found = items.find((item) => item.name === name);
  if (!found)
    throw new JiraEmulatorError('JIRA_EMULATOR_SEED_INVALID', `Seed issue ${key} names unknown ${what} '${name}'.`);
  return found.id;
};

const toStoredIssue = (seed: SeedIssue): StoredIssue => {
  const resolved = seed.resolved ?? null;
  const projectKey = seed.projectKey ?? DEMO_PROJECT.key;
  const project = PROJECTS.find((candidate) => candidate.key === projectKey);
  if (!project)
    throw new JiraEmulatorError(
      'JIRA_EMULATOR_SEED_INVALID',
      `Seed issue ${seed.key} names unknown project '${projectKey}'.`,
    );
  return {
    id: seed.id,
    key: seed.key,
    projectKey,
    summary: seed.summary,
    issueTypeId: lookup(ISSUE_TYPES, seed.type, 'issue type', seed.key),
    statusId: lookup(STATUSES, seed.status, 'status', seed.key),
    priorityId: lookup(PRIORITIES, seed.priority, 'priority', seed.key),
    reporterId: seed.reporter.accountId,
    creatorId: seed.reporter.accountId,
    assigneeId: seed.assignee?.accountId ?? null,
    labels: [...seed.labels],
    componentIds: seed.components.map((name) => lookup(project.components, name, 'component', seed.key)),
    created: seed.created,
    updated: seed.updated,
    statusCategoryChanged: seed.statusChanged,
    duedate: seed.duedate ?? null,
    resolutionId: resolved ? lookup(RESOLUTIONS, 'Done', 'resolution', seed.key) : null,
    resolutiondate: resolved,
    description: structuredClone(seed.description),
    environment: seed.environment ? structuredClone(seed.environment) : null,
    watcherIds: seed.watchers.map((user) => user.accountId),
    votes: seed.votes ?? 0,
    properties: structuredClone(seed.properties ?? {}),
  };
};

/** A fresh copy of the sample site: each emulator mutates its own. */
export const buildSeedState = (): SeedState => {
  let nextCommentId = FIRST_COMMENT_ID;
  const comments: StoredComment[] = [];
  const attachments: StoredAttachment[] = [];
  for (const seed of SEED_ISSUES) {
    for (const comment of seed.comments) {
      comments.push({
        id: String(nextCommentId),
        issueId: seed.id,
        authorId: comment.author.accountId,
        updateAuthorId: comment.author.accountId,
        body: structuredClone(comment.body),
        created: comment.created,
        updated: comment.updated ?? comment.created,
        properties: {},
      });
      nextCommentId += 1;
    }
    for (const attachment of seed.attachments) {
      attachments.push({
        id: attachment.id,
        issueId: seed.id,
        mediaId: attachment.mediaId,
        filename: attachment.filename,
        mimeType: attachment.mimeType,
        authorId: attachment.author.accountId,
        created: attachment.created,
        content: storedContent(attachmentBytes(attachment.file)),
      });
    }
  }
  return { issues: SEED_ISSUES.map(toStoredIssue), comments, attachments };
};
