import { createHash, randomBytes } from 'node:crypto';

import type { EmulatedApp } from '../../../local/microsoft';
import { type Demo, postForm, startDemo, validSecret } from './helpers';

/** Where the tests' "app" wants the browser back; never fetched (redirects are read, not followed). */
export const REDIRECT_URI = 'https://issue-mailer.example/x1/callback';
export const SUPPORT = { upn: 'support@contoso.onmicrosoft.com', password: 'Support-Demo-2030' };
export const SALES = { upn: 'sales@contoso.onmicrosoft.com', password: 'Sales-Demo-2030' };
export const MAIL_SCOPES = 'offline_access User.Read Mail.Send Mail.ReadWrite';

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** RFC 7636: 32 random octets as the verifier, BASE64URL(SHA256(verifier)) as the S256 challenge. */
export const newPkce = (): Pkce => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

/** The demo tenant with our redirect URI registered for its first two apps. */
export const startCodeDemo = async (): Promise<Demo> => {
  const demo = await startDemo();
  demo.emulator.addRedirectUri(demo.app.clientId, REDIRECT_URI);
  demo.emulator.addRedirectUri(demo.unconsentedApp.clientId, REDIRECT_URI);
  return demo;
};

export const authorizeUrl = (demo: Demo, tenant = demo.tenant.id): string =>
  `${demo.emulator.loginBaseUrl}/${tenant}/oauth2/v2.0/authorize`;

export const authorizeParams = (
  demo: Demo,
  pkce: Pkce,
  overrides: Record<string, string | undefined> = {},
  app: EmulatedApp = demo.app,
): Record<string, string> => {
  const params: Record<string, string | undefined> = {
    client_id: app.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: MAIL_SCOPES,
    state: 'state-123',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
};

export const getAuthorize = (demo: Demo, params: Record<string, string>, cookie?: string): Promise<Response> =>
  fetch(`${authorizeUrl(demo)}?${new URLSearchParams(params).toString()}`, {
    redirect: 'manual',
    headers: cookie === undefined ? {} : { Cookie: cookie },
  });

export const postAuthorize = (
  demo: Demo,
  params: Record<string, string>,
  form: Record<string, string>,
  cookie?: string,
): Promise<Response> =>
  fetch(authorizeUrl(demo), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie === undefined ? {} : { Cookie: cookie }),
    },
    body: new URLSearchParams({ ...params, ...form }).toString(),
  });

/** The `name=value` part of a Set-Cookie answer, for the next request's Cookie header. */
export const sessionCookie = (response: Response): string => {
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (cookie === undefined) throw new Error(`no Set-Cookie on a ${response.status} answer`);
  return cookie;
};

/** The parameters of a redirect to REDIRECT_URI (query, or fragment). */
export const redirectParams = (response: Response): URLSearchParams => {
  const location = response.headers.get('location');
  if (response.status !== 302 || location === null) throw new Error(`expected a redirect, got ${response.status}`);
  if (!location.startsWith(`${REDIRECT_URI}?`) && !location.startsWith(`${REDIRECT_URI}#`))
    throw new Error(`redirected elsewhere: ${location}`);
  const url = new URL(location);
  return url.hash === '' ? url.searchParams : new URLSearchParams(url.hash.slice(1));
};

export interface SignedIn {
  code: string;
  cookie: string;
  redirect: URLSearchParams;
}

/** Signs in on the sign-in page and accepts the consent page when it comes: what a person does in the browser. */
export const signInForCode = async (
  demo: Demo,
  params: Record<string, string>,
  account = SUPPORT,
): Promise<SignedIn> => {
  const signIn = await postAuthorize(demo, params, { step: 'signin', login: account.upn, passwd: account.password });
  const cookie = sessionCookie(signIn);
  const answer =
    signIn.status === 200 ? await postAuthorize(demo, params, { step: 'consent', decision: 'accept' }, cookie) : signIn;
  const redirect = redirectParams(answer);
  const code = redirect.get('code');
  if (code === null) throw new Error(`no code: ${redirect.toString()}`);
  return { code, cookie, redirect };
};

export const redeemCode = (
  demo: Demo,
  code: string,
  pkce: Pkce,
  overrides: Record<string, string | undefined> = {},
  app: EmulatedApp = demo.app,
): Promise<Response> => {
  const params: Record<string, string | undefined> = {
    grant_type: 'authorization_code',
    client_id: app.clientId,
    client_secret: validSecret(app),
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: pkce.verifier,
    ...overrides,
  };
  return postForm(
    demo.tokenUrl,
    Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  );
};

export const refresh = (
  demo: Demo,
  refreshToken: string,
  app: EmulatedApp = demo.app,
  extra: Record<string, string> = {},
) =>
  postForm(demo.tokenUrl, {
    grant_type: 'refresh_token',
    client_id: app.clientId,
    client_secret: validSecret(app),
    refresh_token: refreshToken,
    ...extra,
  });

export interface TokenAnswer {
  token_type: string;
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
}

/** Authorize, sign in as `account`, redeem: the tokens our backend ends up with. */
export const delegatedTokens = async (demo: Demo, account = SUPPORT, scope = MAIL_SCOPES): Promise<TokenAnswer> => {
  const pkce = newPkce();
  const { code } = await signInForCode(demo, authorizeParams(demo, pkce, { scope }), account);
  const response = await redeemCode(demo, code, pkce);
  if (response.status !== 200) throw new Error(`code redemption answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TokenAnswer;
};

/** The claims of a JWT, unverified (the tests read what the emulator put in). */
export const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
