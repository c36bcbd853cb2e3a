import { GRAPH_AUDIENCE } from './resources';

/*
 * Scopes of the authorization code flow. "If the resource identifier is omitted in the scope parameter, the
 * resource is assumed to be Microsoft Graph" and openid, profile, email and offline_access are the OpenID Connect
 * scopes (https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc).
 */

export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** Microsoft Graph delegated permissions the emulator knows, with the text the consent page shows for each. */
export const DELEGATED_DESCRIPTIONS: Record<string, string> = {
  openid: 'Sign you in',
  profile: 'View your basic profile',
  email: 'View your email address',
  offline_access: 'Maintain access to data you have given it access to',
  'User.Read': 'Sign you in and read your profile',
  'User.ReadBasic.All': "Read all users' basic profiles",
  'Mail.Send': 'Send mail as you',
  'Mail.ReadWrite': 'Read and write access to your mail',
  'Mail.Read': 'Read your mail',
  'Mail.ReadBasic': 'Read basic mail',
};

const GRAPH_PREFIX = `${GRAPH_AUDIENCE}/`;

export type ScopeParse = { ok: true; scopes: string[] } | { ok: false; invalid: string };

/**
 * The scopes of a `scope` parameter, Graph's without their resource prefix, each once, in the permission's own
 * spelling. `.default` stands for the permissions the registration lists. An unknown scope is `invalid`.
 */
export const parseDelegatedScopes = (scope: string, registered: readonly string[]): ScopeParse => {
  const known = Object.keys(DELEGATED_DESCRIPTIONS);
  const scopes: string[] = [];
  for (const raw of scope
    .trim()
    .split(/\s+/)
    .filter((part) => part !== '')) {
    const lower = raw.toLowerCase();
    const name = lower.startsWith(GRAPH_PREFIX) ? raw.slice(GRAPH_PREFIX.length) : raw;
    if (name.toLowerCase() === '.default') {
      scopes.push(...registered.filter((permission) => !(OIDC_SCOPES as readonly string[]).includes(permission)));
      continue;
    }
    const spelled = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (spelled === undefined) return { ok: false, invalid: raw };
    scopes.push(spelled);
  }
  return { ok: true, scopes: [...new Set(scopes)] };
};

/** Graph permissions among scopes (what goes into the access token's `scp` besides the OpenID ones). */
export const graphScopes = (scopes: readonly string[]): string[] =>
  scopes.filter((scope) => !(OIDC_SCOPES as readonly string[]).includes(scope));

/**
 * The access token's `scp`: the granted scopes but offline_access, space-separated, as Graph tokens carry them
 * (openid, profile and email included).
 */
export const scpClaim = (scopes: readonly string[]): string =>
  scopes.filter((scope) => scope !== 'offline_access').join(' ');

/** The token response's `scope`: Graph permissions as full scope URIs, then the OpenID Connect ones asked for. */
export const responseScope = (scopes: readonly string[]): string =>
  [
    ...graphScopes(scopes).map((scope) => `${GRAPH_PREFIX}${scope}`),
    ...scopes.filter((scope) => (OIDC_SCOPES as readonly string[]).includes(scope)),
  ].join(' ');
