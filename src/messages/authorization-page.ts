import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

import type { CompletedAuthorization } from '../credentials/authorization/complete-authorization';
import type { WebTriggerResponse } from '../http/web-trigger-http';
import { escapeHtml } from '../shared/html-escape';

/*
 * The page the admin's sign-in window ends on: the `oauth-callback` web trigger's answer, `{ statusCode, headers,
 * body }` (https://developer.atlassian.com/platform/forge/events-reference/web-trigger/; `type: dynamic` in the
 * manifest so the function's own status and headers are sent:
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/web-trigger/). The URL that opened it
 * carries the authorization code and state, so the page loads nothing, sends no referrer and is never cached; every
 * value in it is escaped.
 */

const STYLE =
  'body{font-family:-apple-system,"Segoe UI",Roboto,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#172b4d}' +
  'h1{font-size:1.4rem}small{color:#626f86}';
/**
 * The connected page closes its window after a moment to read it: Authorize opened it by script (router.open, or
 * window.open on the local host), and only such a window may close itself
 * (https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-close, "script-closable"). Where the
 * browser refuses, the page already says the window can be closed.
 */
const CLOSE_SCRIPT = 'setTimeout(function(){window.close()},3000);';
const hashOf = (text: string): string => Buffer.from(sha256(utf8ToBytes(text))).toString('base64');

/** Nothing but this page's own style and closing script: no other script, image, frame, form or base. */
export const AUTHORIZATION_PAGE_CSP = `default-src 'none'; style-src 'sha256-${hashOf(STYLE)}'; script-src 'sha256-${hashOf(CLOSE_SCRIPT)}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const page = (
  statusCode: number,
  title: string,
  paragraphs: readonly string[],
  closes = false,
): WebTriggerResponse => ({
  statusCode,
  headers: {
    'Content-Type': ['text/html; charset=utf-8'],
    'Content-Security-Policy': [AUTHORIZATION_PAGE_CSP],
    'X-Content-Type-Options': ['nosniff'],
    'Referrer-Policy': ['no-referrer'],
    'Cache-Control': ['no-store'],
  },
  body:
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="robots" content="noindex">\n' +
    `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n` +
    paragraphs.map((paragraph) => `<p>${paragraph}</p>\n`).join('') +
    (closes ? `<script>${CLOSE_SCRIPT}</script>\n` : '') +
    '</body>\n</html>\n',
});

export const connectedPage = (done: CompletedAuthorization): WebTriggerResponse =>
  page(
    200,
    'Mailbox connected',
    [
      `Connected ${escapeHtml(done.mailbox)} to Issue Mailer (credential ${escapeHtml(done.credentialName)}). You can close this window.`,
    ],
    true,
  );

/** A refusal the admin can act on: what happened and what to do, in words, with the stable code shown small. */
export const refusedPage = (code: string, message: string): WebTriggerResponse =>
  page(400, 'Mailbox not connected', [escapeHtml(message), `<small>Code: ${escapeHtml(code)}</small>`]);

/** Anything unforeseen: no detail, which only the log has. */
export const failedPage = (): WebTriggerResponse =>
  page(500, 'Mailbox not connected', [
    'Something went wrong while connecting the mailbox. Close this window and try Authorize again; if it keeps happening, contact your Jira admin.',
  ]);

/** Only Microsoft's redirect, a GET, finishes a sign-in. */
export const methodNotAllowedPage = (): WebTriggerResponse => {
  const answer = page(405, 'Mailbox not connected', [
    'This address only takes the browser back from the Microsoft sign-in. Start the sign-in with Authorize on the credential in Issue Mailer.',
  ]);
  return { ...answer, headers: { ...answer.headers, Allow: ['GET'] } };
};
