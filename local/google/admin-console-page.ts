import { html, type SafeHtml } from '../shared/html';
import { googlePage } from './google-page';
import type { WorkspaceDirectory } from './workspace-directory';

export interface AdminConsoleView {
  directory: WorkspaceDirectory;
  /** Client IDs whose demo key file the page may offer (emulator only). */
  demoKeyClientIds: ReadonlySet<string>;
}

export const ADMIN_PATH = '/admin';
export const DELEGATION_PATH = `${ADMIN_PATH}/domain-wide-delegation`;

export const delegationPath = (clientId: string): string => `${DELEGATION_PATH}/${encodeURIComponent(clientId)}`;
export const demoKeyPath = (clientId: string): string =>
  `${ADMIN_PATH}/service-accounts/${encodeURIComponent(clientId)}/key.json`;

const delegationRows = (view: AdminConsoleView): SafeHtml[] => {
  const names = new Map(
    view.directory.listServiceAccounts().map(({ account }) => [account.clientId, account.displayName]),
  );
  return view.directory.delegations().map(
    ({ clientId, scopes }) => html`<tr id="client-${clientId}" data-client-id="${clientId}">
<td>${names.get(clientId) ?? ''}</td><td data-testid="delegation-client-id">${clientId}</td>
<td data-testid="delegation-scopes">${scopes.map((scope) => html`<div>${scope}</div>`)}</td>
<td><form method="post" action="${delegationPath(clientId)}"><label>OAuth scopes (comma-delimited) <input name="scopes" size="80" value="${scopes.join(', ')}" data-testid="edit-scopes"></label> <button type="submit" data-testid="edit-delegation">Authorize</button></form></td>
<td><form method="post" action="${delegationPath(clientId)}/delete"><button type="submit" data-testid="delete-delegation">Delete</button></form></td>
</tr>`,
  );
};

const serviceAccountRows = (view: AdminConsoleView): SafeHtml[] =>
  view.directory.listServiceAccounts().map(
    ({ account, keys }) => html`<tr data-client-id="${account.clientId}">
<td>${account.displayName}</td><td data-testid="service-account-email">${account.clientEmail}</td>
<td data-testid="service-account-client-id">${account.clientId}</td><td>${account.disabled ? 'Disabled' : 'Enabled'}</td>
<td>${keys.map((key) => html`<div><code>${key.privateKeyId}</code> ${key.disabled ? '(disabled)' : '(active)'}</div>`)}</td>
<td>${view.demoKeyClientIds.has(account.clientId) ? html`<a href="${demoKeyPath(account.clientId)}" download data-testid="demo-key-download">Download the demo JSON key (emulator only)</a>` : ''}</td>
</tr>`,
  );

/**
 * GET /admin: what a super admin sees at Security > Access and data control > API controls > Manage Domain Wide
 * Delegation (https://support.google.com/a/answer/162106): each client ID with its OAuth scopes, Add new (Client ID,
 * OAuth scopes comma-delimited), edit and delete; beside it the Workspace's users and the Cloud console's service
 * accounts, which an admin copies the client ID from. No private key is shown.
 */
export const renderAdminConsole = (view: AdminConsoleView): string => {
  const rows = delegationRows(view);
  return googlePage(
    'Admin console - Google emulator',
    html`<h1>Domain-wide delegation</h1>
<p>Security &gt; Access and data control &gt; API controls &gt; Manage Domain Wide Delegation. Changes take effect at the next token request (Google may take up to 24 hours).</p>
<table><tr><th>Name</th><th>Client ID</th><th>Scopes</th><th>Edit</th><th>Delete</th></tr>${rows.length > 0 ? rows : html`<tr><td colspan="5">No API clients.</td></tr>`}</table>
<h2>Add new</h2>
<form method="post" action="${DELEGATION_PATH}">
<label>Client ID <input name="clientId" required data-testid="new-client-id"></label>
<label>OAuth scopes (comma-delimited) <input name="scopes" size="80" required data-testid="new-scopes"></label>
<button type="submit" data-testid="add-delegation">Authorize</button>
</form>
<h2>Users</h2>
<table><tr><th>Email</th><th>Name</th><th>Status</th></tr>${view.directory
      .listUsers()
      .map(
        (user) =>
          html`<tr><td data-testid="user-email">${user.primaryEmail}</td><td>${user.name}</td><td>${user.suspended ? 'Suspended' : 'Active'}</td></tr>`,
      )}</table>
<h2>Service accounts</h2>
<table><tr><th>Name</th><th>Email (client_email)</th><th>Client ID</th><th>Status</th><th>Key IDs</th><th>Key file</th></tr>${serviceAccountRows(view)}</table>`,
  );
};
