import type { ServerResponse } from 'node:http';

import { html, PAGE_CSP, type SafeHtml } from '../shared/html';
import { writeResponse } from '../shared/http-kit';

/** The Admin console page's forms post to the emulator itself; the other pages have no forms. */
export const FORM_PAGE_CSP = PAGE_CSP.replace("form-action 'none'", "form-action 'self'");

/** A page of the emulator, with the links to its other pages. */
export const googlePage = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
<header><strong>Google emulator (local)</strong> <a href="/">Users</a> <a href="/admin">Admin console</a></header>
<main>
${body}
</main>
</body>
</html>
`.value;

export const sendGooglePage = (res: ServerResponse, status: number, text: string, csp = PAGE_CSP): void =>
  writeResponse(
    res,
    status,
    {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
    text,
  );
