import type { ServerResponse } from 'node:http';

import { html, PAGE_CSP, SafeHtml } from '../shared/html';
import { send } from './http-util';

export { escapeHtml, formatBytes, html, PAGE_CSP, SafeHtml, shortSize } from '../shared/html';

const CSS = `
:root { color-scheme: light; --border: #d0d7de; --muted: #57606a; --accent: #0f6cbd; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "Segoe UI", system-ui, -apple-system, sans-serif; color: #1f2328; background: var(--bg); }
header.top { background: #1b1a19; color: #fff; padding: 10px 24px; display: flex; gap: 24px; align-items: baseline; }
header.top strong { font-size: 15px; }
header.top a { color: #c7e0f4; text-decoration: none; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; font-weight: 600; margin: 8px 0 4px; }
h2 { font-size: 18px; font-weight: 600; margin: 28px 0 8px; }
h3 { font-size: 16px; font-weight: 600; margin: 0 0 12px; }
h4 { font-size: 14px; font-weight: 600; margin: 18px 0 6px; color: #323130; }
p.lead, .muted { color: var(--muted); }
a { color: var(--accent); }
.card { background: #fff; border: 1px solid var(--border); border-radius: 6px; padding: 16px 20px; margin: 12px 0; }
dl.grid { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.grid dt { color: var(--muted); }
dl.grid dd { margin: 0; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { font-weight: 600; background: #f3f2f1; }
code, .value { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 13px; word-break: break-all; }
.value { user-select: all; background: #f3f2f1; padding: 1px 4px; border-radius: 3px; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.ok { background: #dff6dd; color: #107c10; }
.warn { background: #fff4ce; color: #8a5300; }
.bad { background: #fde7e9; color: #a4262c; }
p.note { background: #fffbe6; border: 1px solid #f0d78c; border-radius: 4px; padding: 6px 10px; }
.scroll { overflow-x: auto; }
td.nowrap { white-space: nowrap; }
td.subject { min-width: 220px; }
ul.attachments { margin: 0; padding-left: 16px; }
iframe.mail-body { width: 100%; min-height: 420px; border: 1px solid var(--border); border-radius: 4px; background: #fff; }
form.mail-form { display: grid; gap: 8px; max-width: 640px; margin: 8px 0; }
form.mail-form label { display: grid; gap: 2px; color: var(--muted); }
form.mail-form input:not([type=file]), form.mail-form textarea, form.mail-form select { font: inherit; padding: 4px 6px; border: 1px solid var(--border); border-radius: 4px; color: #1f2328; }
form.mail-form button { justify-self: start; font: inherit; padding: 4px 14px; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
details.write summary { cursor: pointer; color: var(--accent); margin: 8px 0; }
ul.folders { margin: 0 0 8px; padding-left: 16px; }
pre.mail-body { white-space: pre-wrap; background: #fff; border: 1px solid var(--border); border-radius: 4px; padding: 12px; margin: 0; }
`;

export const page = (title: string, body: SafeHtml, nav: { label: string; href: string }[] = []): string =>
  html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
<header class="top"><strong>Microsoft emulator (local)</strong>${nav.map((link) => html`<a href="${link.href}">${link.label}</a>`)}</header>
<main>
${body}
</main>
</body>
</html>
`.value;

/** The mailbox page's forms post to the emulator itself. */
export const FORM_PAGE_CSP = PAGE_CSP.replace("form-action 'none'", "form-action 'self'");

export const sendPage = (res: ServerResponse, status: number, document: string, csp = PAGE_CSP): void => {
  send(
    res,
    status,
    {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
    document,
  );
};

/** `12/31/2099`, as the Azure portal (en-US) shows dates. */
export const portalDate = (iso: string): string => {
  const date = new Date(iso);
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
};
