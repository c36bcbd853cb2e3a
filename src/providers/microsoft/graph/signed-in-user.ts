import { allowedBase } from './graph-base';
import { type GraphClientDeps, graphJson } from './graph-request';

/** Who a delegated token belongs to: the mailbox an authorization code credential sends as. */
export interface SignedInUser {
  id: string;
  displayName: string | undefined;
  /** `mail`, else `userPrincipalName`: a user without an Exchange mailbox has no `mail`. */
  mailbox: string;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Graph's user resource (https://learn.microsoft.com/en-us/graph/api/resources/user?view=graph-rest-1.0): `id` and
 * `userPrincipalName` are always set; `mail` and `displayName` may be null. Each problem names its field.
 */
export const readSignedInUser = (
  value: unknown,
): { ok: true; value: SignedInUser } | { ok: false; problem: string } => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: '(root): expected an object' };
  }
  const { id, displayName, mail, userPrincipalName } = value as Record<string, unknown>;
  if (!isText(id)) return { ok: false, problem: 'id: expected a non-empty string' };
  if (!isText(userPrincipalName)) return { ok: false, problem: 'userPrincipalName: expected a non-empty string' };
  if (mail !== null && mail !== undefined && typeof mail !== 'string') {
    return { ok: false, problem: 'mail: expected a string or null' };
  }
  if (displayName !== null && displayName !== undefined && typeof displayName !== 'string') {
    return { ok: false, problem: 'displayName: expected a string or null' };
  }
  return {
    ok: true,
    value: {
      id,
      displayName: isText(displayName) ? displayName : undefined,
      mailbox: isText(mail) ? mail : userPrincipalName,
    },
  };
};

/**
 * `GET /me?$select=id,displayName,mail,userPrincipalName` with a delegated token (User.Read): "Calling the /me
 * endpoint requires a signed-in user and therefore a delegated permission"
 * (https://learn.microsoft.com/en-us/graph/api/user-get?view=graph-rest-1.0).
 */
export const getSignedInUser = async (deps: GraphClientDeps): Promise<SignedInUser> => {
  const url = `${allowedBase(deps.graphBaseUrl, deps.env)}/me?$select=id,displayName,mail,userPrincipalName`;
  const { data } = await graphJson({ method: 'GET', url, expect: [200] }, readSignedInUser, deps);
  return data;
};
