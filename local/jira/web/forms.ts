import type { IncomingMessage, ServerResponse } from 'node:http';

import { HostHttpError, readBody, redirect } from '../../shared/http-kit';
import { textToAdf } from '../adf/from-text';
import type { JiraActor, JiraEmulator, JiraUser } from '../types';
import { readCreateOptions } from './edit-reader';
import { CREATE_ISSUE_PATH, JIRA_FORM_PATHS } from './form-paths';
import { sendHtml } from './page-response';
import { pageUser } from './pages/chrome';
import { type CreateIssueFormValues, type CreateIssuePageData, renderCreateIssuePage } from './pages/create-issue-page';
import { renderErrorPage } from './pages/error-page';
import type { UserSession } from './session';
import { runAsSessionUser } from './session-route';

/** A comment or a description typed into a form; far more than anyone types, far less than memory. */
const FORM_LIMIT = 256 * 1024;

const ISSUE_FORM = /^\/__host\/jira\/issue\/([A-Za-z][A-Za-z0-9_]*-\d+)\/(comment|transition)$/;

export interface JiraFormDeps {
  jira: JiraEmulator;
  session: UserSession;
  guard: (request: IncomingMessage) => void;
  log: (line: string) => void;
}

interface JiraAnswer {
  status: number;
  body: unknown;
}

/** Jira's refusal, as `ErrorCollection` words it: its messages, and a message per field. */
const refusalOf = (answer: JiraAnswer): { messages: string[]; fields: Record<string, string> } => {
  const body = typeof answer.body === 'object' && answer.body !== null ? (answer.body as Record<string, unknown>) : {};
  const messages = Array.isArray(body.errorMessages)
    ? body.errorMessages.filter((message): message is string => typeof message === 'string')
    : [];
  const fields =
    typeof body.errors === 'object' && body.errors !== null
      ? Object.fromEntries(
          Object.entries(body.errors as Record<string, unknown>).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      : {};
  if (messages.length === 0 && Object.keys(fields).length === 0)
    messages.push(`The local Jira answered ${answer.status}.`);
  return { messages, fields };
};

const readForm = async (request: IncomingMessage): Promise<URLSearchParams> => {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new HostHttpError(
      415,
      `${request.method} ${request.url} takes a form (application/x-www-form-urlencoded).`,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  }
  return new URLSearchParams((await readBody(request, FORM_LIMIT)).toString('utf8'));
};

/**
 * The local Jira's own forms: "Add a comment" and the status control of the issue view, and the create form.
 * Each change goes through the local Jira's REST API as the signed-in user, so Jira checks their permissions
 * and emits the product event the app listens to. Answers false for any other request.
 */
export const createJiraForms = (deps: JiraFormDeps) => {
  const { jira } = deps;
  const users = () => jira.users().map(pageUser);
  const sessionDeps = { guard: deps.guard, session: deps.session, users: () => jira.users(), log: deps.log };

  const callJira = async (user: JiraUser, method: string, path: string, body: unknown): Promise<JiraAnswer> => {
    const actor: JiraActor = { type: 'user', accountId: user.accountId };
    const response = await jira.handle(
      {
        method,
        path,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: Buffer.from(JSON.stringify(body), 'utf8'),
      },
      actor,
    );
    const text = typeof response.body === 'string' ? response.body : response.body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed };
  };

  const refusedPage = (
    response: ServerResponse,
    user: JiraUser,
    path: string,
    title: string,
    answer: JiraAnswer,
  ): void => {
    const refusal = refusalOf(answer);
    const message = [...refusal.messages, ...Object.values(refusal.fields)].join(' ');
    sendHtml(response, answer.status, renderErrorPage({ user: pageUser(user), users: users(), path, title, message }));
  };

  const createPage = async (
    user: JiraUser,
    path: string,
    values: CreateIssueFormValues,
    refusal?: CreateIssuePageData['refusal'],
  ) =>
    renderCreateIssuePage({
      user: pageUser(user),
      users: users(),
      path,
      projects: await readCreateOptions(jira, user.accountId),
      values,
      refusal,
    });

  const create = async (request: IncomingMessage, response: ServerResponse, user: JiraUser): Promise<void> => {
    const form = await readForm(request);
    const values: CreateIssueFormValues = {
      project: form.get('project') ?? '',
      issuetype: form.get('issuetype') ?? '',
      summary: form.get('summary') ?? '',
      description: form.get('description') ?? '',
    };
    const answer = await callJira(user, 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: values.project },
        issuetype: { id: values.issuetype },
        summary: values.summary,
        ...(values.description.trim() === '' ? {} : { description: textToAdf(values.description) }),
      },
    });
    const key = answer.status === 201 ? (answer.body as { key?: unknown } | undefined)?.key : undefined;
    if (typeof key === 'string') return redirect(response, `/browse/${encodeURIComponent(key)}`);
    const refusal = refusalOf(answer);
    const formFields = new Set<string>(['project', 'issuetype', 'summary', 'description']);
    const fields = Object.fromEntries(Object.entries(refusal.fields).filter(([field]) => formFields.has(field)));
    const others = Object.entries(refusal.fields)
      .filter(([field]) => !formFields.has(field))
      .map(([, message]) => message);
    const status = answer.status >= 400 && answer.status < 500 ? answer.status : 500;
    sendHtml(
      response,
      status,
      await createPage(user, CREATE_ISSUE_PATH, values, { messages: [...refusal.messages, ...others], fields }),
    );
  };

  const comment = async (
    request: IncomingMessage,
    response: ServerResponse,
    user: JiraUser,
    issueKey: string,
  ): Promise<void> => {
    const form = await readForm(request);
    const path = `/rest/api/3/issue/${encodeURIComponent(issueKey)}/comment`;
    const answer = await callJira(user, 'POST', path, { body: textToAdf(form.get('comment') ?? '') });
    if (answer.status === 201) return redirect(response, `/browse/${encodeURIComponent(issueKey)}`);
    refusedPage(response, user, `/browse/${issueKey}`, "Your comment wasn't added", answer);
  };

  const transition = async (
    request: IncomingMessage,
    response: ServerResponse,
    user: JiraUser,
    issueKey: string,
  ): Promise<void> => {
    const form = await readForm(request);
    const id = form.get('transition') ?? '';
    // The current status, chosen again, is no change.
    if (id !== '') {
      const path = `/rest/api/3/issue/${encodeURIComponent(issueKey)}/transitions`;
      const answer = await callJira(user, 'POST', path, { transition: { id } });
      if (answer.status !== 204)
        return refusedPage(response, user, `/browse/${issueKey}`, "The status wasn't changed", answer);
    }
    redirect(response, `/browse/${encodeURIComponent(issueKey)}`);
  };

  const route = async (request: IncomingMessage, response: ServerResponse, url: URL, user: JiraUser): Promise<void> => {
    const method = request.method ?? 'GET';
    if (url.pathname === CREATE_ISSUE_PATH) {
      if (method !== 'GET' && method !== 'HEAD')
        throw new HostHttpError(405, `${url.pathname} takes GET.`, 'METHOD_NOT_ALLOWED');
      const values = { project: url.searchParams.get('project') ?? '', issuetype: '', summary: '', description: '' };
      return sendHtml(response, 200, await createPage(user, url.pathname, values));
    }
    if (method !== 'POST') throw new HostHttpError(405, `${url.pathname} takes POST.`, 'METHOD_NOT_ALLOWED');
    if (url.pathname === JIRA_FORM_PATHS.create) return create(request, response, user);
    const [, key = '', action] = ISSUE_FORM.exec(url.pathname) ?? [];
    const issueKey = key.toUpperCase();
    if (action === 'comment') return comment(request, response, user, issueKey);
    if (action === 'transition') return transition(request, response, user, issueKey);
    throw new HostHttpError(404, `There is no form at ${url.pathname}.`, 'PAGE_NOT_FOUND');
  };

  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://host.local');
    if (url.pathname !== CREATE_ISSUE_PATH && !url.pathname.startsWith('/__host/jira/')) return false;
    await runAsSessionUser(
      request,
      response,
      url,
      sessionDeps,
      (user) => route(request, response, url, user),
      (status) =>
        url.pathname === CREATE_ISSUE_PATH && request.method === 'GET' && status !== 421
          ? 'Something went wrong'
          : undefined,
    );
    return true;
  };
};
