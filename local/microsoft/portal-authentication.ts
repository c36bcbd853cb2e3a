import type { EmulatorContext } from './context';
import { DELEGATED_DESCRIPTIONS } from './delegated-scopes';
import { html, type SafeHtml } from './html';
import type { EmulatedApp, EmulatedTenant } from './types';

/*
 * The Authentication blade (Web platform redirect URIs) and the delegated rows of API permissions, as
 * https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-redirect-uri describes them: "Web" is the
 * "Redirect URI for a web app that runs on a server", entered by hand.
 */

export const redirectUriFormAction = (ctx: EmulatorContext, app: EmulatedApp): string =>
  `${ctx.urls.login}/portal/apps/${encodeURIComponent(app.clientId)}/redirect-uris`;

export const revokeSessionsFormAction = (ctx: EmulatorContext, userPrincipalName: string): string =>
  `${ctx.urls.login}/portal/users/${encodeURIComponent(userPrincipalName)}/revoke-sessions`;

export const authenticationSection = (ctx: EmulatorContext, tenant: EmulatedTenant, app: EmulatedApp): SafeHtml => {
  const uris = app.redirectUris ?? [];
  const rows = uris.map((uri) => html`<li><span class="value" data-testid="redirect-uri">${uri}</span></li>`);
  return html`<h4>Authentication</h4>
<p class="muted">Platform: Web. Redirect URIs: the URIs we will accept as destinations when returning authentication responses (tokens) after successfully authenticating or signing out users. Authorization endpoint: <span class="value" data-testid="authorize-endpoint">${ctx.urls.login}/${tenant.id}/oauth2/v2.0/authorize</span></p>
<ul data-testid="redirect-uris">${rows.length > 0 ? rows : html`<li class="muted">No redirect URIs have been added.</li>`}</ul>
<form class="mail-form" method="post" action="${redirectUriFormAction(ctx, app)}">
<label>Add URI <input type="text" name="redirectUri" data-testid="redirect-uri-input" placeholder="https://example.com/callback" required></label>
<button type="submit">Save</button>
</form>`;
};

/** Rows of the API permissions table for the delegated permissions; its status column as the portal words it. */
export const delegatedPermissionRows = (tenant: EmulatedTenant, app: EmulatedApp): SafeHtml[] =>
  (app.delegatedPermissions ?? []).map((permission) => {
    const status =
      app.delegatedAdminConsentGranted === true
        ? html`<span class="badge ok">Granted for ${tenant.displayName}</span>`
        : html`<span class="muted">Not granted: each user consents when signing in</span>`;
    return html`<tr>
<td>${permission}</td><td>Delegated</td><td>${DELEGATED_DESCRIPTIONS[permission] ?? ''}</td><td>No</td><td data-testid="permission-status">${status}</td>
</tr>`;
  });
