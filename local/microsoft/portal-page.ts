import type { EmulatorContext } from './context';
import { html, page, type SafeHtml } from './html';
import { stableGuid } from './ids';
import { servicePrincipalId } from './jwt-issuer';
import { authenticationSection, delegatedPermissionRows, revokeSessionsFormAction } from './portal-authentication';
import { credentialsSection } from './portal-credentials';
import { mailboxAccessLine, policiesSection } from './portal-policies';
import type { EmulatedApp, EmulatedTenant } from './types';

/** The admin consent descriptions the portal shows for Microsoft Graph application permissions. */
const PERMISSION_DESCRIPTIONS: Record<string, string> = {
  'Mail.Send': 'Send mail as any user',
  'Mail.ReadWrite': 'Read and write mail in all mailboxes',
  'Mail.Read': 'Read mail in all mailboxes',
  'User.Read.All': "Read all users' full profiles",
  'User.ReadBasic.All': "Read all users' basic profiles",
  'Directory.Read.All': 'Read directory data',
};

export const PORTAL_NAV = (ctx: EmulatorContext) => [
  { label: 'Home', href: `${ctx.urls.login}/` },
  { label: 'App registrations', href: `${ctx.urls.login}/portal` },
  { label: 'Mailboxes', href: `${ctx.urls.graph}/mailbox` },
];

const field = (label: string, value: string, testId: string): SafeHtml =>
  html`<dt>${label}</dt><dd><span class="value" data-testid="${testId}">${value}</span></dd>`;

const appCard = (ctx: EmulatorContext, tenant: EmulatedTenant, app: EmulatedApp): SafeHtml => {
  const login = ctx.urls.login;
  const status = app.adminConsentGranted
    ? html`<span class="badge ok">Granted for ${tenant.displayName}</span>`
    : html`<span class="badge warn">Not granted for ${tenant.displayName}</span>`;
  const applicationPermissions = app.applicationPermissions.map(
    (permission) => html`<tr>
<td>${permission}</td><td>Application</td><td>${PERMISSION_DESCRIPTIONS[permission] ?? ''}</td><td>Yes</td><td data-testid="permission-status">${status}</td>
</tr>`,
  );
  const permissions = [...applicationPermissions, ...delegatedPermissionRows(tenant, app)];
  const configured = app.applicationPermissions.length + (app.delegatedPermissions ?? []).length;
  return html`<article class="card" id="app-${app.clientId}" data-client-id="${app.clientId}">
<h3>${app.displayName}</h3>
<h4>Overview</h4>
<dl class="grid">
${field('Display name', app.displayName, 'display-name')}
${field('Application (client) ID', app.clientId, 'client-id')}
${field('Object ID', stableGuid('application', tenant.id.toLowerCase(), app.clientId.toLowerCase()), 'object-id')}
${field('Directory (tenant) ID', tenant.id, 'tenant-id')}
${field('Managed application object ID', servicePrincipalId(tenant, app), 'service-principal-id')}
</dl>
<h4>Endpoints</h4>
<dl class="grid">
${field('OAuth 2.0 token endpoint (v2)', `${login}/${tenant.id}/oauth2/v2.0/token`, 'token-endpoint-v2')}
${field('OAuth 2.0 token endpoint (v1)', `${login}/${tenant.id}/oauth2/token`, 'token-endpoint-v1')}
${field('OpenID Connect metadata document', `${login}/${tenant.id}/v2.0/.well-known/openid-configuration`, 'openid-configuration')}
${field('Microsoft Graph API endpoint', `${ctx.urls.graph}/v1.0`, 'graph-endpoint')}
</dl>
${authenticationSection(ctx, tenant, app)}
${credentialsSection(ctx, app)}
<h4>API permissions</h4>
<p class="muted">Configured permissions: Microsoft Graph (${configured})</p>
<table>
<thead><tr><th>API / Permissions name</th><th>Type</th><th>Description</th><th>Admin consent required</th><th>Status</th></tr></thead>
<tbody>${permissions.length > 0 ? permissions : html`<tr><td colspan="5" class="muted">No permissions added.</td></tr>`}</tbody>
</table>
<h4>Mailbox access (Exchange Online)</h4>
${mailboxAccessLine(tenant, app)}
</article>`;
};

const tenantSection = (ctx: EmulatorContext, tenant: EmulatedTenant): SafeHtml => {
  const mailboxes = tenant.mailboxes.map(
    (mailbox) => html`<tr>
<td><span class="value">${mailbox.userPrincipalName}</span></td><td>${mailbox.displayName}</td><td><span class="value">${mailbox.id}</span></td>
<td>${mailbox.mailboxEnabled ? html`<span class="badge ok">Exchange Online</span>` : html`<span class="badge warn">Not enabled for REST API</span>`}</td>
<td><form method="post" action="${revokeSessionsFormAction(ctx, mailbox.userPrincipalName)}"><button type="submit" data-testid="revoke-sessions">Revoke sessions</button></form></td>
</tr>`,
  );
  return html`<section id="tenant-${tenant.id}">
<h2>${tenant.displayName}</h2>
<div class="card"><dl class="grid">
${field('Tenant ID', tenant.id, 'directory-id')}
${field('Primary domain', tenant.domains[0] ?? '', 'primary-domain')}
</dl></div>
${tenant.apps.map((app) => appCard(ctx, tenant, app))}
${policiesSection(tenant)}
<h4>Users</h4>
<table>
<thead><tr><th>User principal name</th><th>Display name</th><th>Object ID</th><th>Mailbox</th><th>Sessions</th></tr></thead>
<tbody>${mailboxes}</tbody>
</table>
</section>`;
};

/** GET /portal: app registrations the way the Azure portal shows them, so an admin can copy the values. */
export const renderPortalPage = (ctx: EmulatorContext): string =>
  page(
    'App registrations - Microsoft emulator',
    html`<h1>App registrations</h1>
<p class="lead">The directories this emulator serves, with each app registration's Overview, Endpoints, Certificates &amp; secrets and API permissions, and the tenant's Exchange Online application access policies.</p>
${ctx.config.tenants.map((tenant) => tenantSection(ctx, tenant))}`,
    PORTAL_NAV(ctx),
  );

/** GET /: what runs where. */
export const renderHomePage = (ctx: EmulatorContext): string => {
  const rows = ctx.config.tenants.map(
    (tenant) => html`<tr><td>${tenant.displayName}</td>
<td><span class="value">${ctx.urls.login}/${tenant.id}/oauth2/v2.0/token</span></td>
<td><a href="${ctx.urls.login}/${tenant.id}/v2.0/.well-known/openid-configuration">metadata</a> · <a href="${ctx.urls.login}/${tenant.id}/discovery/v2.0/keys">keys</a></td></tr>`,
  );
  return page(
    'Microsoft emulator',
    html`<h1>Microsoft identity platform + Microsoft Graph (local)</h1>
<p class="lead">Stands in for login.microsoftonline.com at <span class="value">${ctx.urls.login}</span> and graph.microsoft.com at <span class="value">${ctx.urls.graph}</span>.</p>
<div class="card"><ul>
<li><a href="${ctx.urls.login}/portal">App registrations</a>: client IDs, tenant IDs, token endpoints, secrets and permissions.</li>
<li><a href="${ctx.urls.graph}/mailbox">Mailboxes</a>: mail sent through Graph sendMail.</li>
</ul></div>
<h2>Tenants</h2>
<table><thead><tr><th>Tenant</th><th>OAuth 2.0 token endpoint (v2)</th><th>Discovery</th></tr></thead><tbody>${rows}</tbody></table>`,
    PORTAL_NAV(ctx),
  );
};
