import type { ServerResponse } from 'node:http';

import { send } from '../../shared/http-kit';

/** The Jira chrome's pages: own scripts and styles only, app frames from this origin only. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Jira's rendered issue HTML carries style attributes (panel colours); <style> elements stay blocked.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const sendHtml = (response: ServerResponse, status: number, html: string): void => {
  send(response, status, html, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP });
};
