import { route } from '@forge/api';

import { JiraError, JiraErrorCode, JiraFieldsRefusedError } from './errors';
import { assertIssueKey } from './issue-reader';
import { accessStatusError, issueStatusError, type RequestJira } from './jira-client';

/** An Atlassian Document Format document (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/). */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: unknown[];
}

/**
 * An entity property written with the issue or comment, in the same request: the mark by which a run that died
 * after Jira's write finds the write again (Create issue and Add comment both take `properties`:
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-post).
 */
export interface EntityProperty {
  key: string;
  value: Record<string, string>;
}

export interface NewIssue {
  projectKey: string;
  issueTypeId: string;
  summary: string;
  description: AdfDocument;
  /** Absent: Jira makes the caller (the app) the reporter. */
  reporterAccountId?: string;
  property: EntityProperty;
}

const stringField = (json: unknown, field: string, where: string): string => {
  const value = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string' || value === '')
    throw new JiraError(JiraErrorCode.ResponseInvalid, `${where} answered without a "${field}".`);
  return value;
};

/** Jira's 400 `{ errorMessages, errors: { field: message } }`: the names of the refused fields. */
const refusedFields = async (where: string, text: () => Promise<string>): Promise<JiraFieldsRefusedError> => {
  try {
    const body = JSON.parse(await text()) as { errors?: unknown };
    const errors = typeof body.errors === 'object' && body.errors !== null ? Object.keys(body.errors) : [];
    return new JiraFieldsRefusedError(where, errors);
  } catch {
    return new JiraFieldsRefusedError(where, []);
  }
};

/** POST that reads a 400's refused fields; the rest as postJiraJson does. */
const postCreating = async (
  requestJira: RequestJira,
  path: ReturnType<typeof route>,
  body: unknown,
  onStatus: (status: number, where: string) => JiraError | undefined,
): Promise<unknown> => {
  const where = `POST ${path.value.split('?')[0] ?? ''}`;
  const response = await requestJira(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).catch((error: unknown) => {
    throw new JiraError(JiraErrorCode.RequestFailed, `${where} failed: no answer from Jira.`, { cause: error });
  });
  if (response.status === 400) throw await refusedFields(where, () => response.text());
  if (response.status !== 201)
    throw (
      onStatus(response.status, where) ??
      new JiraError(JiraErrorCode.RequestFailed, `${where} answered ${response.status}.`, { status: response.status })
    );
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch (error) {
    throw new JiraError(JiraErrorCode.ResponseInvalid, `${where} answered 201 without a JSON body.`, { cause: error });
  }
};

/** Creates an issue with its mark (as the app, for incoming mail). A refused reporter is a JiraFieldsRefusedError. */
export const createIssue = async (issue: NewIssue, requestJira: RequestJira): Promise<{ id: string; key: string }> => {
  const json = await postCreating(
    requestJira,
    route`/rest/api/3/issue`,
    {
      fields: {
        project: { key: issue.projectKey },
        issuetype: { id: issue.issueTypeId },
        summary: issue.summary,
        description: issue.description,
        ...(issue.reporterAccountId === undefined ? {} : { reporter: { id: issue.reporterAccountId } }),
      },
      properties: [issue.property],
    },
    accessStatusError,
  );
  return {
    id: stringField(json, 'id', 'POST /rest/api/3/issue'),
    key: stringField(json, 'key', 'POST /rest/api/3/issue'),
  };
};

/** Adds a comment with its mark (as the app, for incoming mail). */
export const addComment = async (
  issueKey: string,
  body: AdfDocument,
  property: EntityProperty,
  requestJira: RequestJira,
): Promise<{ id: string }> => {
  assertIssueKey(issueKey);
  const json = await postCreating(
    requestJira,
    route`/rest/api/3/issue/${issueKey}/comment`,
    { body, properties: [property] },
    issueStatusError,
  );
  return { id: stringField(json, 'id', `POST /rest/api/3/issue/${issueKey}/comment`) };
};
