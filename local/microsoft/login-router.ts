import type { IncomingMessage, ServerResponse } from 'node:http';

import { handleAuthorizeRequest } from './authorize-endpoint';
import { handleCertificateDownload } from './certificate-downloads';
import type { EmulatorContext } from './context';
import { type DiscoveryDocument, handleDiscovery } from './discovery';
import { FORM_PAGE_CSP, sendPage } from './html';
import { pathSegments, requestUrl, send } from './http-util';
import { handlePortalForm } from './portal-forms';
import { renderHomePage, renderPortalPage } from './portal-page';
import { handleTokenRequest } from './token-endpoint';

const DISCOVERY: Record<string, DiscoveryDocument> = {
  'v2.0/.well-known/openid-configuration': 'openid-v2',
  '.well-known/openid-configuration': 'openid-v1',
  'discovery/v2.0/keys': 'keys-v2',
  'discovery/keys': 'keys-v1',
};

const notFound = (res: ServerResponse): void => {
  send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not Found');
};

/** The login listener: stands in for login.microsoftonline.com, plus the emulator's own pages and demo downloads. */
export const handleLoginRequest = async (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> => {
  const segments = pathSegments(requestUrl(req).pathname);
  const [first, ...rest] = segments;
  if (first === undefined || (first === 'portal' && rest.length === 0)) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { Allow: 'GET', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed');
      return;
    }
    if (first === undefined) sendPage(res, 200, renderHomePage(ctx));
    else sendPage(res, 200, renderPortalPage(ctx), FORM_PAGE_CSP);
    return;
  }
  if (first === 'portal' && (await handlePortalForm(ctx, req, res, rest))) return;
  if (
    first === 'portal' &&
    rest[0] === 'certificates' &&
    rest.length === 3 &&
    (req.method === 'GET' || req.method === 'HEAD')
  ) {
    if (!handleCertificateDownload(ctx, res, rest[1] ?? '', rest[2] ?? '')) notFound(res);
    return;
  }
  const route = rest.join('/').toLowerCase();
  if (route === 'oauth2/v2.0/authorize') return handleAuthorizeRequest(ctx, req, res, first);
  if (route === 'oauth2/v2.0/token') return handleTokenRequest(ctx, req, res, first, 'v2');
  if (route === 'oauth2/token') return handleTokenRequest(ctx, req, res, first, 'v1');
  const document = DISCOVERY[route];
  if (document !== undefined && req.method === 'GET') {
    handleDiscovery(ctx, req, res, first, document);
    return;
  }
  notFound(res);
};
