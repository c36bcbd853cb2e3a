import type { IncomingMessage, ServerResponse } from 'node:http';

import { html } from '../shared/html';
import { drainBody, writeResponse } from '../shared/http-kit';
import { ADMIN_PATH, type AdminConsoleView, DELEGATION_PATH, renderAdminConsole } from './admin-console-page';
import { scopeSchema } from './config-schema';
import type { DemoKeyFile } from './demo-keys';
import { FORM_PAGE_CSP, googlePage, sendGooglePage } from './google-page';

const MAX_FORM_BYTES = 16 * 1024;
const CLIENT_ID = /^\d{6,32}$/;
const EDIT = /^\/admin\/domain-wide-delegation\/([^/]+)(\/delete)?$/;
const DEMO_KEY = /^\/admin\/service-accounts\/([^/]+)\/key\.json$/;

export interface AdminConsoleContext extends AdminConsoleView {
  demoKeys: readonly DemoKeyFile[];
}

type Parsed = { ok: true; scopes: string[] } | { ok: false; problem: string };

/**
 * "OAuth scopes (comma-delimited)": each one trimmed, every one a Google scope, none twice. Google's help page
 * (https://support.google.com/a/answer/162106, "Set up domain-wide delegation for a client") says Authorize fails
 * when "there might be duplicate or unsupported scopes".
 */
export const parseScopeList = (text: string): Parsed => {
  const scopes = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (scopes.length === 0) return { ok: false, problem: 'Enter at least one OAuth scope.' };
  const wrong = scopes.find((scope) => !scopeSchema.safeParse(scope).success);
  if (wrong !== undefined) return { ok: false, problem: `Unsupported OAuth scope: ${wrong}` };
  const twice = scopes.find((scope, index) => scopes.indexOf(scope) !== index);
  return twice === undefined ? { ok: true, scopes } : { ok: false, problem: `Duplicate OAuth scope: ${twice}` };
};

const readForm = async (req: IncomingMessage): Promise<URLSearchParams> => {
  const body = await drainBody(req, MAX_FORM_BYTES);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return !body.tooLarge && type === 'application/x-www-form-urlencoded'
    ? new URLSearchParams(body.body.toString('utf8'))
    : new URLSearchParams();
};

/** What a form asks for, applied; why not, when it is refused. */
const apply = async (ctx: AdminConsoleContext, req: IncomingMessage, path: string): Promise<string | undefined> => {
  const form = await readForm(req);
  const { directory } = ctx;
  if (path === DELEGATION_PATH) {
    const clientId = (form.get('clientId') ?? '').trim();
    if (!CLIENT_ID.test(clientId)) {
      return "Client ID must be the numeric client ID (the service account's client_id), not its email.";
    }
    // The same help page: an error may mean "the client ID might not be registered with Google". The emulator knows
    // only its own service accounts' client IDs.
    if (!directory.listServiceAccounts().some(({ account }) => account.clientId === clientId)) {
      return `The client ID ${clientId} is not registered with Google (no service account of the emulator has it).`;
    }
    const parsed = parseScopeList(form.get('scopes') ?? '');
    if (!parsed.ok) return parsed.problem;
    directory.setDelegation(clientId, parsed.scopes);
    return undefined;
  }
  const match = EDIT.exec(path);
  const clientId = decodeURIComponent(match?.[1] ?? '');
  if (directory.delegatedScopes(clientId) === undefined) return `No API client has the client ID ${clientId}.`;
  if (match?.[2] !== undefined) {
    directory.setDelegation(clientId, undefined);
    return undefined;
  }
  const parsed = parseScopeList(form.get('scopes') ?? '');
  if (!parsed.ok) return parsed.problem;
  directory.setDelegation(clientId, parsed.scopes);
  return undefined;
};

const sendDemoKey = (ctx: AdminConsoleContext, clientId: string, res: ServerResponse): boolean => {
  const key = ctx.demoKeys.find((candidate) => candidate.clientId === clientId);
  if (key === undefined) return false;
  writeResponse(
    res,
    200,
    {
      'Content-Type': 'application/json; charset=utf-8',
      // The name Google Cloud console gives a downloaded key: <project>-<first 12 hex digits of the key id>.json.
      'Content-Disposition': `attachment; filename="${key.projectId}-${key.privateKeyId.slice(0, 12)}.json"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    key.text,
  );
  return true;
};

/**
 * The Admin console page's routes: GET /admin; POST /admin/domain-wide-delegation (Add new: `clientId`, `scopes`),
 * POST /admin/domain-wide-delegation/{clientId} (edit: `scopes`) and .../{clientId}/delete, each answering 303 to
 * /admin or a 400 page saying why not; GET /admin/service-accounts/{clientId}/key.json, the demo key file only.
 * False when the path is none of them.
 */
export const handleAdminConsole = async (
  ctx: AdminConsoleContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> => {
  const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
  if (req.method === 'GET' && path === ADMIN_PATH) {
    sendGooglePage(res, 200, renderAdminConsole(ctx), FORM_PAGE_CSP);
    return true;
  }
  const demoKey = DEMO_KEY.exec(path);
  if (req.method === 'GET' && demoKey !== null) return sendDemoKey(ctx, decodeURIComponent(demoKey[1] ?? ''), res);
  if (req.method !== 'POST' || (path !== DELEGATION_PATH && !EDIT.test(path))) return false;
  const problem = await apply(ctx, req, path);
  if (problem === undefined) {
    writeResponse(res, 303, { Location: ADMIN_PATH, 'Cache-Control': 'no-store' }, '');
    return true;
  }
  sendGooglePage(
    res,
    400,
    googlePage(
      'Not saved - Google emulator',
      html`<h1>Not saved</h1><p data-testid="problem">${problem}</p><p><a href="${ADMIN_PATH}">Back to the Admin console</a></p>`,
    ),
  );
  return true;
};
