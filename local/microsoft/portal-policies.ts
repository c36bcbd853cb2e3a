import { html, type SafeHtml } from './html';
import type { EmulatedApp, EmulatedTenant } from './types';

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** One line on an app card: which mailboxes Exchange lets the app use. */
export const mailboxAccessLine = (tenant: EmulatedTenant, app: EmulatedApp): SafeHtml => {
  const policies = (tenant.applicationAccessPolicies ?? []).filter((policy) => sameText(policy.appId, app.clientId));
  if (policies.length === 0) {
    return html`<p class="muted" data-testid="mailbox-access">No application access policy: the app may use every mailbox its permissions allow.</p>`;
  }
  return html`<p data-testid="mailbox-access">${policies.map(
    (policy, index) =>
      html`${index > 0 ? html`<br>` : ''}<span class="badge warn">${policy.accessRight}</span> ${policy.accessRight === 'RestrictAccess' ? 'only' : 'not'} ${policy.mailboxes.join(', ')}`,
  )}</p>`;
};

/** Exchange Online's application access policies of a tenant, as Get-ApplicationAccessPolicy lists them. */
export const policiesSection = (tenant: EmulatedTenant): SafeHtml => {
  const policies = tenant.applicationAccessPolicies ?? [];
  const rows = policies.map((policy) => {
    const app = tenant.apps.find((candidate) => sameText(candidate.clientId, policy.appId));
    return html`<tr data-testid="access-policy">
<td>${app?.displayName ?? ''}</td>
<td><span class="value">${policy.appId}</span></td>
<td>${policy.accessRight}</td>
<td>${policy.mailboxes.map((mailbox, index) => html`${index > 0 ? ', ' : ''}<span class="value">${mailbox}</span>`)}</td>
<td>${policy.description ?? ''}</td>
</tr>`;
  });
  return html`<h4>Exchange Online application access policies</h4>
<p class="muted">New-ApplicationAccessPolicy (now RBAC for Applications): an app with a policy gets 403 ErrorAccessDenied from Graph mail calls for any mailbox outside it. Directory calls such as GET /users are not affected.</p>
<table>
<thead><tr><th>App</th><th>App ID</th><th>Access right</th><th>Mailboxes in scope</th><th>Description</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="5" class="muted">No application access policies: every app may use every mailbox its permissions allow.</td></tr>`}</tbody>
</table>`;
};
