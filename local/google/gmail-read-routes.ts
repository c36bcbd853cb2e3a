import { type GmailCaller, READ_SCOPES } from './gmail-auth';
import { type GmailErrorAnswer, GmailErrors } from './gmail-errors';
import { HISTORY_TYPES, type HistoryRecord, type HistoryType } from './gmail-history';
import { QUOTA_UNITS } from './gmail-limits';
import type { GmailMailboxes, StoredGmailMessage } from './gmail-mailboxes';
import {
  attachmentBytes,
  attachmentIdOf,
  attachmentIndexOf,
  MESSAGE_FORMATS,
  type MessageFormat,
  messageResource,
} from './gmail-message-resource';
import { parseSearch } from './gmail-search';

/*
 * Gmail's read side and label changes, each route with the scopes its reference page's "Authorization scopes" lists
 * and the quota units of https://developers.google.com/workspace/gmail/api/reference/quota:
 * - users.getProfile (1) https://developers.google.com/workspace/gmail/api/reference/rest/v1/users/getProfile
 * - users.labels.list (1) / create (5) https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.labels
 * - users.messages.list (5) https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/list
 * - users.messages.get (5) https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/get
 * - users.messages.modify (5) https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/modify
 * - users.messages.attachments.get (5)
 *   https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages.attachments/get
 * - users.history.list (2) https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.history/list
 * Google leaves empty lists out of its JSON, so an empty page has no `messages` / `history`.
 */

const FULL = 'https://mail.google.com/';
const scope = (name: string): string => `https://www.googleapis.com/auth/gmail.${name}`;
const METADATA = scope('metadata');

export type ReadAnswer = { status: number; body: unknown } | { error: GmailErrorAnswer };

export interface ReadCall {
  caller: GmailCaller & { ok: true };
  /** The path's captures after the user: message id, attachment id. */
  ids: string[];
  query: URLSearchParams;
  body: unknown;
}

export interface ReadRoute {
  method: 'GET' | 'POST';
  path: RegExp;
  scopes: readonly string[];
  units: number;
  handle: (mailboxes: GmailMailboxes, call: ReadCall) => ReadAnswer;
}

const ok = (body: unknown): ReadAnswer => ({ status: 200, body });
const fail = (error: GmailErrorAnswer): ReadAnswer => ({ error });

/** Only the gmail.metadata scope among the read scopes: no bodies, no search (the method pages say so). */
const metadataOnly = (call: ReadCall): boolean =>
  call.caller.grant.scopes.includes(METADATA) &&
  !call.caller.grant.scopes.some((granted) => [FULL, scope('modify'), scope('readonly')].includes(granted));

const pageToken = (offset: number): string => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
const pageOffset = (token: string | null): number | undefined => {
  if (token === null) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

/** maxResults: "defaults to 100. The maximum allowed value for this field is 500." */
const pageSize = (query: URLSearchParams): number | undefined => {
  const raw = query.get('maxResults');
  if (raw === null) return 100;
  return /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Math.min(Number(raw), 500) : undefined;
};

const page = <T>(
  items: readonly T[],
  query: URLSearchParams,
): { items: T[]; nextPageToken?: string } | GmailErrorAnswer => {
  const offset = pageOffset(query.get('pageToken'));
  const size = pageSize(query);
  if (offset === undefined) return GmailErrors.invalidArgument('Invalid pageToken');
  if (size === undefined)
    return GmailErrors.invalidArgument(`Invalid value for maxResults: ${query.get('maxResults')?.slice(0, 20)}`);
  const end = offset + size;
  return { items: items.slice(offset, end), ...(end < items.length ? { nextPageToken: pageToken(end) } : {}) };
};

const isError = (value: unknown): value is GmailErrorAnswer =>
  typeof value === 'object' && value !== null && 'reason' in value && 'code' in value;

const stringList = (value: unknown): string[] | undefined =>
  value === undefined ? [] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;

const getProfile = (mailboxes: GmailMailboxes, { caller }: ReadCall): ReadAnswer => {
  const messages = mailboxes.messages(caller.user);
  return ok({
    emailAddress: caller.user,
    messagesTotal: messages.length,
    threadsTotal: new Set(messages.map((message) => message.threadId)).size,
    historyId: mailboxes.historyId(caller.user),
  });
};

const listLabels = (mailboxes: GmailMailboxes, { caller }: ReadCall): ReadAnswer =>
  ok({ labels: mailboxes.labels(caller.user).list() });

const createLabel = (mailboxes: GmailMailboxes, { caller, body }: ReadCall): ReadAnswer => {
  const input =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const created = mailboxes.labels(caller.user).create(input);
  if (created.ok) return ok(created.label);
  return fail(
    created.problem === 'duplicate' ? GmailErrors.duplicateLabel() : GmailErrors.invalidArgument('Invalid label name'),
  );
};

const listMessages = (mailboxes: GmailMailboxes, call: ReadCall): ReadAnswer => {
  const { caller, query } = call;
  const q = query.get('q') ?? '';
  if (q !== '' && metadataOnly(call)) return fail(GmailErrors.metadataScope("does not support 'q' parameter"));
  const search = parseSearch(q, mailboxes.labels(caller.user));
  if (!search.ok) return fail(GmailErrors.invalidArgument(`The emulator does not search by: ${search.term}`));
  const labelIds = query.getAll('labelIds');
  const spamTrash = query.get('includeSpamTrash') === 'true';
  const found = [...mailboxes.messages(caller.user)]
    .reverse()
    .filter(
      (message) =>
        (spamTrash || !message.labelIds.some((id) => id === 'SPAM' || id === 'TRASH')) &&
        labelIds.every((id) => message.labelIds.includes(id)) &&
        search.matches(message),
    );
  const paged = page(found, query);
  if (isError(paged)) return fail(paged);
  return ok({
    ...(paged.items.length === 0 ? {} : { messages: paged.items.map((m) => ({ id: m.id, threadId: m.threadId })) }),
    ...(paged.nextPageToken === undefined ? {} : { nextPageToken: paged.nextPageToken }),
    resultSizeEstimate: found.length,
  });
};

const findMessage = (mailboxes: GmailMailboxes, call: ReadCall): StoredGmailMessage | undefined =>
  mailboxes.find(call.caller.user, call.ids[0] ?? '');

const getMessage = (mailboxes: GmailMailboxes, call: ReadCall): ReadAnswer => {
  const format = (call.query.get('format') ?? 'full') as MessageFormat;
  if (!MESSAGE_FORMATS.includes(format))
    return fail(GmailErrors.invalidArgument(`Invalid value at 'format': ${format.slice(0, 20)}`));
  if ((format === 'full' || format === 'raw') && metadataOnly(call))
    return fail(GmailErrors.metadataScope(`doesn't allow format ${format.toUpperCase()}`));
  const message = findMessage(mailboxes, call);
  if (message === undefined) return fail(GmailErrors.notFound());
  const headers = call.query.getAll('metadataHeaders').map((name) => name.toLowerCase());
  return ok(messageResource(message, format, headers));
};

const modifyMessage = (mailboxes: GmailMailboxes, call: ReadCall): ReadAnswer => {
  const body = typeof call.body === 'object' && call.body !== null ? (call.body as Record<string, unknown>) : {};
  const add = stringList(body['addLabelIds']);
  const remove = stringList(body['removeLabelIds']);
  if (add === undefined || remove === undefined)
    return fail(GmailErrors.invalidArgument('Invalid JSON payload received.'));
  const outcome = mailboxes.modify(call.caller.user, call.ids[0] ?? '', add, remove);
  if (!outcome.ok)
    return fail(outcome.problem === 'notFound' ? GmailErrors.notFound() : GmailErrors.invalidLabel(outcome.labelId));
  const { message } = outcome;
  return ok({ id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] });
};

const getAttachment = (mailboxes: GmailMailboxes, call: ReadCall): ReadAnswer => {
  const message = findMessage(mailboxes, call);
  const attachmentId = call.ids[1] ?? '';
  const index = message === undefined ? undefined : attachmentIndexOf(message.id, attachmentId);
  const file = index === undefined ? undefined : message?.parsed.attachments[index];
  if (message === undefined || index === undefined || file === undefined) return fail(GmailErrors.notFound());
  const bytes = attachmentBytes(file);
  return ok({
    attachmentId: attachmentIdOf(message.id, index),
    size: bytes.byteLength,
    data: bytes.toString('base64url'),
  });
};

const FIELD: Readonly<Record<HistoryType, string>> = {
  messageAdded: 'messagesAdded',
  messageDeleted: 'messagesDeleted',
  labelAdded: 'labelsAdded',
  labelRemoved: 'labelsRemoved',
};

const historyResource = (record: HistoryRecord): Record<string, unknown> => ({
  id: String(record.id),
  messages: [{ id: record.message.id, threadId: record.message.threadId }],
  [FIELD[record.type]]: [
    { message: { ...record.message }, ...(record.labelIds === undefined ? {} : { labelIds: [...record.labelIds] }) },
  ],
});

const listHistory = (mailboxes: GmailMailboxes, { caller, query }: ReadCall): ReadAnswer => {
  const start = query.get('startHistoryId');
  if (start === null) return fail(GmailErrors.invalidArgument('Missing required parameter: startHistoryId'));
  if (!/^\d{1,19}$/.test(start))
    return fail(
      GmailErrors.invalidArgument(`Invalid value at 'start_history_id' (TYPE_UINT64), "${start.slice(0, 20)}"`),
    );
  const types = query.getAll('historyTypes');
  const unknown = types.find((type) => !HISTORY_TYPES.includes(type as HistoryType));
  if (unknown !== undefined)
    return fail(GmailErrors.invalidArgument(`Invalid value at 'history_types': ${unknown.slice(0, 20)}`));
  const history = mailboxes.history(caller.user);
  if (!history.answers(Number(start))) return fail(GmailErrors.notFound());
  const labelId = query.get('labelId');
  const records = history
    .after(Number(start))
    .filter((record) => types.length === 0 || types.includes(record.type))
    .filter(
      (record) =>
        labelId === null || record.message.labelIds.includes(labelId) || (record.labelIds ?? []).includes(labelId),
    );
  const paged = page(records, query);
  if (isError(paged)) return fail(paged);
  return ok({
    ...(paged.items.length === 0 ? {} : { history: paged.items.map(historyResource) }),
    ...(paged.nextPageToken === undefined ? {} : { nextPageToken: paged.nextPageToken }),
    historyId: mailboxes.historyId(caller.user),
  });
};

const READERS = READ_SCOPES;
const USER = '/gmail/v1/users/[^/]+';

export const READ_ROUTES: readonly ReadRoute[] = [
  {
    method: 'GET',
    path: new RegExp(`^${USER}/profile$`),
    scopes: [...READERS, scope('compose')],
    units: QUOTA_UNITS.getProfile,
    handle: getProfile,
  },
  {
    method: 'GET',
    path: new RegExp(`^${USER}/labels$`),
    scopes: [...READERS, scope('labels')],
    units: QUOTA_UNITS.labelsList,
    handle: listLabels,
  },
  {
    method: 'POST',
    path: new RegExp(`^${USER}/labels$`),
    scopes: [FULL, scope('modify'), scope('labels')],
    units: QUOTA_UNITS.labelsCreate,
    handle: createLabel,
  },
  {
    method: 'GET',
    path: new RegExp(`^${USER}/messages$`),
    scopes: READERS,
    units: QUOTA_UNITS.messagesList,
    handle: listMessages,
  },
  {
    method: 'GET',
    path: new RegExp(`^${USER}/messages/([^/]+)$`),
    scopes: READERS,
    units: QUOTA_UNITS.messagesGet,
    handle: getMessage,
  },
  {
    method: 'POST',
    path: new RegExp(`^${USER}/messages/([^/]+)/modify$`),
    scopes: [FULL, scope('modify')],
    units: QUOTA_UNITS.messagesModify,
    handle: modifyMessage,
  },
  {
    method: 'GET',
    path: new RegExp(`^${USER}/messages/([^/]+)/attachments/([^/]+)$`),
    scopes: [FULL, scope('modify'), scope('readonly')],
    units: QUOTA_UNITS.attachmentsGet,
    handle: getAttachment,
  },
  {
    method: 'GET',
    path: new RegExp(`^${USER}/history$`),
    scopes: READERS,
    units: QUOTA_UNITS.historyList,
    handle: listHistory,
  },
];

/** The read route of a request and the ids its path captured, if it is one. */
export const matchReadRoute = (
  method: string | undefined,
  pathname: string,
): { route: ReadRoute; userId: string; ids: string[] } | undefined => {
  for (const route of READ_ROUTES) {
    if (route.method !== method) continue;
    const match = route.path.exec(pathname);
    if (match === null) continue;
    const userId = decodeURIComponent(pathname.split('/')[4] ?? '');
    return { route, userId, ids: match.slice(1).map((id) => decodeURIComponent(id)) };
  }
  return undefined;
};
