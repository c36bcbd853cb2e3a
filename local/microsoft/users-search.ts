import type { EmulatorContext } from './context';
import type { GraphCaller } from './graph-auth';
import { type GraphError, GraphErrors } from './graph-errors';
import type { EmulatedDirectoryUser, EmulatedMailbox } from './types';
import { DEFAULT_USER_PROPERTIES, SELECT_ONLY_USER_PROPERTIES, USER_READ_ROLES } from './users';

/** Graph's largest page of directory objects. */
export const MAX_USERS_PAGE = 999;
/** Graph's page size without $top. */
export const DEFAULT_USERS_PAGE = 100;
/** Properties $search and startswith() may name on users. */
const SEARCHABLE = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'department'];

type Json = Record<string, unknown>;
export type ListUsersOutcome =
  { ok: true; body: Json } | { ok: false; error: GraphError } | { ok: false; unsupported: string };

export interface ListUsersRequest {
  caller: GraphCaller;
  version: string;
  query: URLSearchParams;
  /** The `ConsistencyLevel` request header. */
  consistencyLevel: string | undefined;
  path: string;
}

/** A directory user with every property the emulator answers (mailboxes and `users` of the config alike). */
export const directoryUser = (user: EmulatedMailbox | EmulatedDirectoryUser): Json => {
  const extra: Partial<EmulatedDirectoryUser> = 'mailboxEnabled' in user ? {} : user;
  const mail =
    'mailboxEnabled' in user
      ? user.mailboxEnabled
        ? user.userPrincipalName
        : null
      : user.mail === undefined
        ? user.userPrincipalName
        : user.mail;
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: extra.givenName ?? null,
    jobTitle: extra.jobTitle ?? null,
    mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: extra.surname ?? null,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    accountEnabled: true,
    mailNickname: user.userPrincipalName.split('@')[0] ?? '',
    proxyAddresses: mail === null ? [] : [`SMTP:${mail}`],
    otherMails: [],
    userType: user.userPrincipalName.includes('#EXT#') ? 'Guest' : 'Member',
    department: extra.department ?? null,
    companyName: null,
    usageLocation: null,
  };
};

type Predicate = (user: Json) => boolean;
const text = (user: Json, name: string) => (typeof user[name] === 'string' ? user[name].toLowerCase() : '');
const canonical = (name: string) => SEARCHABLE.find((candidate) => candidate.toLowerCase() === name.toLowerCase());

/** `"displayName:al" OR "mail:al"`: each clause matches a word of the property starting with the value (tokenised search). */
const parseSearch = (value: string): Predicate | undefined => {
  const parts = value.trim().split(/\s+(AND|OR)\s+/);
  const clauses: Predicate[] = [];
  const joins: string[] = [];
  for (const [index, part] of parts.entries()) {
    if (index % 2 === 1) {
      joins.push(part);
      continue;
    }
    const match = /^"([A-Za-z]+):([^"]*)"$/.exec(part);
    const name = match?.[1] === undefined ? undefined : canonical(match[1]);
    if (match === null || name === undefined) return undefined;
    const needle = (match[2] ?? '').toLowerCase().trim();
    clauses.push(
      (user) =>
        text(user, name)
          .split(/[\s.@_-]+/)
          .some((word) => word.startsWith(needle)) || text(user, name).startsWith(needle),
    );
  }
  return (user) => {
    let result = clauses[0]?.(user) ?? false;
    joins.forEach((join, i) => {
      const next = clauses[i + 1]?.(user) ?? false;
      result = join === 'AND' ? result && next : result || next;
    });
    return result;
  };
};

/** `startswith(displayName,'al')`, optionally joined by ` or `; anything else the emulator does not evaluate. */
const parseFilter = (value: string): Predicate | undefined => {
  const clauses = value.split(/\s+or\s+/i).map((clause) => {
    const match = /^\s*startswith\(\s*([A-Za-z]+)\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/i.exec(clause);
    const name = match?.[1] === undefined ? undefined : canonical(match[1]);
    if (match === null || name === undefined) return undefined;
    const prefix = (match[2] ?? '').replace(/''/g, "'").toLowerCase();
    return (user: Json) => text(user, name).startsWith(prefix);
  });
  if (clauses.some((clause) => clause === undefined)) return undefined;
  return (user) => clauses.some((clause) => clause?.(user) === true);
};

const SUPPORTED_OPTIONS = ['$search', '$filter', '$select', '$top', '$count'];

/** GET /users: the tenant's users, with $search (needs ConsistencyLevel: eventual), startswith $filter, $select, $top, $count. */
export const listUsers = (ctx: EmulatorContext, request: ListUsersRequest): ListUsersOutcome => {
  const { query } = request;
  const unsupported = [...query.keys()].find((name) => !SUPPORTED_OPTIONS.includes(name.toLowerCase()));
  if (unsupported !== undefined) return { ok: false, unsupported: `${request.path}?${unsupported}` };
  const get = (name: string) => [...query.entries()].find(([key]) => key.toLowerCase() === name)?.[1] ?? null;

  const selectable = [...DEFAULT_USER_PROPERTIES, ...SELECT_ONLY_USER_PROPERTIES];
  let select: string[] | undefined;
  const selectText = get('$select');
  if (selectText !== null) {
    select = [];
    for (const raw of selectText
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')) {
      const name = selectable.find((candidate) => candidate.toLowerCase() === raw.toLowerCase());
      if (name === undefined) return { ok: false, error: GraphErrors.unknownProperty(raw, 'user') };
      if (!select.includes(name)) select.push(name);
    }
  }
  const topText = get('$top');
  if (topText !== null && !/^\d+$/.test(topText))
    return { ok: false, error: GraphErrors.invalidQueryNumber('$top', topText) };
  const top = Math.min(topText === null ? DEFAULT_USERS_PAGE : Number(topText), MAX_USERS_PAGE);

  const roles = request.caller.roles;
  if (roles === undefined || roles.length === 0) return { ok: false, error: GraphErrors.noPermissions() };
  if (!roles.some((role) => USER_READ_ROLES.includes(role)))
    return { ok: false, error: GraphErrors.directoryAccessDenied() };

  const eventual = request.consistencyLevel?.trim().toLowerCase() === 'eventual';
  const searchText = get('$search');
  const count = get('$count')?.toLowerCase() === 'true';
  if ((searchText !== null || count) && !eventual)
    return { ok: false, error: GraphErrors.searchNeedsConsistencyLevel() };
  const search = searchText === null ? undefined : parseSearch(searchText);
  if (searchText !== null && search === undefined) return { ok: false, error: GraphErrors.invalidSearch(searchText) };
  const filterText = get('$filter');
  const filter = filterText === null ? undefined : parseFilter(filterText);
  if (filterText !== null && filter === undefined)
    return { ok: false, unsupported: `${request.path}?$filter=${filterText}` };

  const tenant = ctx.directory.byId(request.caller.tenantId);
  const everyone = tenant === undefined ? [] : [...tenant.mailboxes, ...(tenant.users ?? [])].map(directoryUser);
  const matching = everyone
    .filter((user) => (search === undefined || search(user)) && (filter === undefined || filter(user)))
    .sort((a, b) => String(a.displayName).localeCompare(String(b.displayName)));
  const names = select ?? DEFAULT_USER_PROPERTIES;
  const value = matching.slice(0, top).map((user) => Object.fromEntries(names.map((name) => [name, user[name]])));
  const body: Json = {
    '@odata.context': `${ctx.urls.graph}/${request.version}/$metadata#users${select === undefined ? '' : `(${select.join(',')})`}`,
  };
  if (count) body['@odata.count'] = matching.length;
  body.value = value;
  return { ok: true, body };
};
