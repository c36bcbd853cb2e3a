import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorContext } from './context';
import { html, page, sendPage } from './html';
import { mediaType, readBody, send } from './http-util';
import { addRedirectUri, revokeSignInSessions } from './portal-actions';
import { PORTAL_NAV } from './portal-page';

const MAX_FORM_BYTES = 16 * 1024;

/**
 * The portal page's forms: `POST /portal/apps/{clientId}/redirect-uris` (`redirectUri`) adds a Web redirect URI,
 * `POST /portal/users/{upn}/revoke-sessions` revokes the user's refresh tokens and sessions. Both answer 303 to the
 * portal, or a 400 page saying why not. False when the path is none of them.
 */
export const handlePortalForm = async (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string[],
): Promise<boolean> => {
  const [kind, id = '', action] = rest;
  const isRedirectUris = kind === 'apps' && action === 'redirect-uris' && rest.length === 3;
  const isRevoke = kind === 'users' && action === 'revoke-sessions' && rest.length === 3;
  if (req.method !== 'POST' || (!isRedirectUris && !isRevoke)) return false;
  const body = await readBody(req, MAX_FORM_BYTES);
  const form =
    !body.tooLarge && mediaType(req) === 'application/x-www-form-urlencoded'
      ? new URLSearchParams(body.body.toString('utf8'))
      : new URLSearchParams();
  const problem = isRedirectUris
    ? addRedirectUri(ctx, id, (form.get('redirectUri') ?? '').trim())
    : revokeSignInSessions(ctx, id)
      ? undefined
      : `no user '${id}' in the emulated directories`;
  if (problem !== undefined) {
    sendPage(
      res,
      400,
      page(
        'Not saved - Microsoft emulator',
        html`<h1>Not saved</h1><p class="note">${problem}</p><p><a href="${ctx.urls.login}/portal">Back to App registrations</a></p>`,
        PORTAL_NAV(ctx),
      ),
    );
    return true;
  }
  const anchor = isRedirectUris ? `#app-${encodeURIComponent(id)}` : '';
  send(res, 303, { Location: `${ctx.urls.login}/portal${anchor}` }, undefined);
  return true;
};
