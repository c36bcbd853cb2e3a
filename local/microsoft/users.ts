import type { EmulatorContext } from './context';
import type { GraphCaller } from './graph-auth';
import { type GraphError, GraphErrors } from './graph-errors';
import { parseODataQuery } from './odata-query';
import { TenantDirectory } from './tenant-directory';
import type { EmulatedMailbox } from './types';

/** Application permissions that let an app read another user's profile. */
export const USER_READ_ROLES = [
  'User.Read.All',
  'User.ReadWrite.All',
  'User.ReadBasic.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];

/** Delegated permissions that read the signed-in user's own profile. */
const SELF_READ_ROLES = ['User.Read', 'User.ReadWrite', ...USER_READ_ROLES];

/** The properties Graph returns for a user without $select, in its order. */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];
/** Other user properties the emulator can answer when $select names them. */
export const SELECT_ONLY_USER_PROPERTIES = [
  'accountEnabled',
  'mailNickname',
  'proxyAddresses',
  'otherMails',
  'userType',
  'department',
  'companyName',
  'usageLocation',
];

export type GetUserOutcome =
  { ok: true; body: Record<string, unknown> } | { ok: false; error: GraphError } | { ok: false; unsupported: string };

const userResource = (mailbox: EmulatedMailbox): Record<string, unknown> => {
  // A user without an Exchange Online mailbox has no primary SMTP address.
  const mail = mailbox.mailboxEnabled ? mailbox.userPrincipalName : null;
  return {
    businessPhones: [],
    displayName: mailbox.displayName,
    givenName: null,
    jobTitle: null,
    mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: null,
    userPrincipalName: mailbox.userPrincipalName,
    id: mailbox.id,
    accountEnabled: true,
    mailNickname: mailbox.userPrincipalName.split('@')[0] ?? '',
    proxyAddresses: mail === null ? [] : [`SMTP:${mail}`],
    otherMails: [],
    userType: 'Member',
    department: null,
    companyName: null,
    usageLocation: null,
  };
};

/** GET /users/{id | userPrincipalName}: the default property set Graph returns for a user, or those $select names. */
export const getUser = (
  ctx: EmulatorContext,
  caller: GraphCaller,
  user: string,
  version: string,
  query: URLSearchParams,
  path: string,
): GetUserOutcome => {
  const parsed = parseODataQuery(query, {
    type: 'user',
    selectable: [...DEFAULT_USER_PROPERTIES, ...SELECT_ONLY_USER_PROPERTIES],
    paging: false,
  });
  if (!parsed.ok) return 'error' in parsed ? parsed : { ok: false, unsupported: `${path}?${parsed.unsupported}` };
  // Directory calls answer a token without any role differently from one with the wrong roles.
  if (caller.roles === undefined || caller.roles.length === 0) return { ok: false, error: GraphErrors.noPermissions() };
  const tenant = ctx.directory.byId(caller.tenantId);
  const found = tenant === undefined ? undefined : TenantDirectory.mailbox(tenant, user);
  // User.Read: "allows the app to read the profile ... of the signed-in user only"
  // (https://learn.microsoft.com/en-us/graph/api/user-get).
  const self =
    caller.user !== undefined && found !== undefined && found.id.toLowerCase() === caller.user.id.toLowerCase();
  if (!caller.roles.some((role) => (self ? SELF_READ_ROLES : USER_READ_ROLES).includes(role)))
    return { ok: false, error: GraphErrors.directoryAccessDenied() };
  if (found === undefined) return { ok: false, error: GraphErrors.userNotFound(user) };

  const { select } = parsed.query;
  const full = userResource(found);
  // Unlike mail items, a directory object's $select returns exactly what was named (no id unless asked).
  const names = select === undefined ? DEFAULT_USER_PROPERTIES : select;
  const body: Record<string, unknown> = {
    '@odata.context': `${ctx.urls.graph}/${version}/$metadata#users${select === undefined ? '' : `(${select.join(',')})`}/$entity`,
  };
  for (const name of names) body[name] = full[name];
  return { ok: true, body };
};
