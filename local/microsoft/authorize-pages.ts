import { DELEGATED_DESCRIPTIONS } from './delegated-scopes';
import { html, SafeHtml } from './html';
import type { EmulatedApp, EmulatedMailbox, EmulatedTenant } from './types';

/*
 * The sign-in, consent and error pages of /authorize, styled after login.microsoftonline.com's (a white card on a
 * grey page, the four-square logo drawn in CSS) with no script and no external assets.
 */

const CSS = `
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; background: #f2f2f2; font: 15px/1.5 "Segoe UI", system-ui, -apple-system, sans-serif; color: #1b1b1b; display: flex; flex-direction: column; align-items: center; }
.box { width: 440px; max-width: calc(100vw - 24px); margin-top: 10vh; background: #fff; box-shadow: 0 2px 6px rgba(0,0,0,.2); padding: 44px; }
.logo { display: flex; align-items: center; gap: 8px; font-size: 20px; font-weight: 600; color: #737373; margin-bottom: 16px; }
.logo .squares { display: grid; grid-template-columns: 10px 10px; gap: 1px; }
.logo .squares span { width: 10px; height: 10px; }
.logo .squares span:nth-child(1) { background: #f25022; } .logo .squares span:nth-child(2) { background: #7fba00; }
.logo .squares span:nth-child(3) { background: #00a4ef; } .logo .squares span:nth-child(4) { background: #ffb900; }
h1 { font-size: 24px; font-weight: 600; margin: 0 0 12px; }
.identity { font-size: 14px; margin-bottom: 12px; }
.accounts { display: grid; gap: 2px; margin: 0 0 12px; }
.accounts label { display: flex; gap: 10px; align-items: flex-start; padding: 8px; cursor: pointer; }
.accounts label:hover { background: #f2f2f2; }
.accounts small, .muted { color: #616161; }
input[type=password], input[type=text] { width: 100%; font: inherit; padding: 6px 0; border: 0; border-bottom: 1px solid #666; margin: 8px 0 16px; }
.buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px; }
button { font: inherit; min-width: 108px; padding: 4px 12px; border: 1px solid #0067b8; background: #0067b8; color: #fff; cursor: pointer; }
button.secondary { background: #cccccc; border-color: #cccccc; color: #1b1b1b; }
.error { color: #e81123; margin: 0 0 12px; }
ul.scopes { padding-left: 18px; }
.details { font-size: 13px; color: #616161; word-break: break-all; }
footer { margin-top: 16px; font-size: 12px; color: #616161; }
`;

const logo = new SafeHtml(
  '<div class="logo"><div class="squares"><span></span><span></span><span></span><span></span></div>Microsoft</div>',
);

export const signInShell = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
<div class="box">${logo}
${body}
</div>
<footer>Microsoft emulator (local): no real Microsoft account is involved.</footer>
</body>
</html>
`.value;

const hidden = (carried: [string, string][]): SafeHtml[] =>
  carried.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);

export interface SignInView {
  action: string;
  carried: [string, string][];
  tenant: EmulatedTenant;
  /** Preselected account (login_hint or the last attempt). */
  selected: string | undefined;
  error: string | undefined;
}

/** Pick an account, enter its password. */
export const renderSignIn = (view: SignInView): string => {
  const accounts = view.tenant.mailboxes.filter((mailbox) => mailbox.password !== undefined);
  const selected =
    accounts.find((account) => account.userPrincipalName.toLowerCase() === view.selected?.toLowerCase()) ?? accounts[0];
  const rows = accounts.map(
    (
      account,
    ) => html`<label><input type="radio" name="login" value="${account.userPrincipalName}"${account === selected ? new SafeHtml(' checked') : ''}>
<span>${account.displayName}<br><small>${account.userPrincipalName} · demo password: <code>${account.password ?? ''}</code></small></span></label>`,
  );
  return signInShell(
    'Sign in to your account',
    html`<h1>Pick an account</h1>
<form method="post" action="${view.action}">
${hidden(view.carried)}
<input type="hidden" name="step" value="signin">
${view.error === undefined ? '' : html`<p class="error" role="alert" data-testid="sign-in-error">${view.error}</p>`}
<div class="accounts">${rows.length > 0 ? rows : html`<p class="muted">No account of ${view.tenant.displayName} has a demo password.</p>`}</div>
<label for="passwd">Password</label>
<input id="passwd" type="password" name="passwd" placeholder="Password" autocomplete="current-password">
<div class="buttons"><button type="submit">Sign in</button></div>
</form>`,
  );
};

export interface ConsentView {
  action: string;
  carried: [string, string][];
  app: EmulatedApp;
  tenant: EmulatedTenant;
  user: EmulatedMailbox;
  scopes: string[];
}

/** "Permissions requested": what the app asks for, Accept or Cancel. */
export const renderConsent = (view: ConsentView): string =>
  signInShell(
    'Permissions requested',
    html`<div class="identity">${view.user.userPrincipalName}</div>
<h1>Permissions requested</h1>
<p><strong>${view.app.displayName}</strong><br><span class="muted">unverified · ${view.tenant.displayName}</span></p>
<p>This app would like to:</p>
<ul class="scopes" data-testid="consent-scopes">${view.scopes.map((scope) => html`<li data-scope="${scope}">${DELEGATED_DESCRIPTIONS[scope] ?? scope}</li>`)}</ul>
<p class="muted">Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement. You can change these permissions at https://myapps.microsoft.com.</p>
<form method="post" action="${view.action}">
${hidden(view.carried)}
<input type="hidden" name="step" value="consent">
<div class="buttons"><button type="submit" name="decision" value="cancel" class="secondary">Cancel</button><button type="submit" name="decision" value="accept">Accept</button></div>
</form>`,
  );

export interface ErrorView {
  description: string;
  requestId: string;
  correlationId: string;
  timestamp: string;
}

/** "Sorry, but we're having trouble signing you in." with the AADSTS text and the troubleshooting details. */
export const renderSignInError = (view: ErrorView): string =>
  signInShell(
    'Sign in to your account',
    html`<h1>Sorry, but we’re having trouble signing you in.</h1>
<p data-testid="aadsts-error">${view.description}</p>
<div class="details"><strong>Troubleshooting details</strong><br>
Request Id: ${view.requestId}<br>
Correlation Id: ${view.correlationId}<br>
Timestamp: ${view.timestamp}</div>`,
  );

/** response_mode=form_post: "Executes a POST containing the code to your redirect URI"; the nonce lets the one script run. */
export const renderFormPost = (redirectUri: string, params: [string, string][], nonce: string): string =>
  signInShell(
    'Working...',
    html`<form method="post" action="${redirectUri}" id="form-post">
${hidden(params)}
<noscript><p>Script is disabled. Click Submit to continue.</p><div class="buttons"><button type="submit">Submit</button></div></noscript>
</form>
<script nonce="${nonce}">document.getElementById('form-post').submit();</script>`,
  );
