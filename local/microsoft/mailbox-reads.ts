import type { EmulatorContext } from './context';
import { draftsOf } from './draft-store';
import { draftMessage } from './drafts';
import { type AnyFolder, childFolderCount, resolveFolder } from './folder-lookup';
import type { GraphCaller } from './graph-auth';
import { type GraphError, GraphErrors } from './graph-errors';
import { graphMessage, internetMessageIdOf, projectMessage, SELECTABLE_MESSAGE_PROPERTIES } from './graph-message';
import { DRAFTS, type MailFolder, mailFolders, SENT_ITEMS } from './mail-folders';
import { openMailbox } from './mailbox-access';
import { type ODataQuery, type ODataQueryRules, parseODataQuery } from './odata-query';
import { type MessageView, receivedMessage } from './received-message';
import type { EmulatedMailbox } from './types';

type Json = Record<string, unknown>;

export interface MailboxReadRequest {
  caller: GraphCaller;
  /** The `{id | userPrincipalName}` path segment as sent. */
  user: string;
  version: string;
  /** The path segments after the user, e.g. ['mailFolders', 'inbox', 'messages']. */
  segments: string[];
  query: URLSearchParams;
  /** The request path, for @odata.nextLink and errors. */
  path: string;
  /** Ids and body type as the Prefer header asked; defaults to REST ids and bodies as stored. */
  view?: MessageView;
}

export type MailboxReadOutcome = { ok: true; body: Json } | { ok: false; error: GraphError };

/** Application permissions that let an app read any mailbox's mail (Graph docs: user-list-messages, mailfolder-get). */
const MAIL_READ_ROLES = ['Mail.Read', 'Mail.ReadWrite'];
/** Graph's page size for messages without $top, and the most one page holds. */
export const DEFAULT_MESSAGE_PAGE_SIZE = 10;
export const MAX_MESSAGE_PAGE_SIZE = 1000;

const MAIL_FOLDER_PROPERTIES = [
  'id',
  'displayName',
  'parentFolderId',
  'childFolderCount',
  'unreadItemCount',
  'totalItemCount',
  'sizeInBytes',
  'isHidden',
];
const MAIL_FOLDER_NAVIGATION = [
  'childFolders',
  'messages',
  'messageRules',
  'multiValueExtendedProperties',
  'singleValueExtendedProperties',
];

type Route = { kind: 'folder'; folder: string } | { kind: 'folder-messages'; folder: string } | { kind: 'messages' };

const matchRoute = (segments: string[]): Route | undefined => {
  const [first, folder, third, ...rest] = segments.map((segment, index) =>
    index === 1 ? segment : segment.toLowerCase(),
  );
  if (rest.length > 0) return undefined;
  if (first === 'messages' && folder === undefined) return { kind: 'messages' };
  if (first !== 'mailfolders' || folder === undefined) return undefined;
  if (third === undefined) return { kind: 'folder', folder };
  return third === 'messages' ? { kind: 'folder-messages', folder } : undefined;
};

/** A message of the mailbox as Graph's full resource, with what ordering and folder sizes need. */
interface ListedMessage {
  internetMessageId: string;
  /** Built only for the messages a page shows. */
  full: () => Json;
  /** ISO time it was sent or created. */
  time: string;
  sizeInBytes: () => number;
  /** False for received mail not read yet. */
  isRead: boolean;
}

/** Sent Items, oldest first: sent messages (none kept when sendMail said saveToSentItems false). */
const sentItems = (ctx: EmulatorContext, mailbox: EmulatedMailbox): ListedMessage[] => {
  const folderId = mailFolders(mailbox).find((folder) => folder.wellKnownName === SENT_ITEMS)?.id ?? '';
  return ctx.store
    .list(mailbox.userPrincipalName)
    .filter((stored) => stored.savedToSentItems !== false)
    .map((stored) => ({
      internetMessageId: internetMessageIdOf(stored.id, stored.message, mailbox.userPrincipalName),
      full: () => graphMessage(stored, mailbox, folderId),
      time: stored.receivedAt,
      sizeInBytes: () => Buffer.byteLength(JSON.stringify(stored.message)),
      isRead: true,
    }));
};

/** Drafts, oldest first: messages created with POST /messages and not sent yet. */
const draftItems = (ctx: EmulatorContext, mailbox: EmulatedMailbox): ListedMessage[] =>
  draftsOf(ctx)
    .list(mailbox.userPrincipalName)
    .map((draft) => ({
      internetMessageId: internetMessageIdOf(draft.id, draft.message, mailbox.userPrincipalName),
      full: () => draftMessage(mailbox, draft),
      time: draft.createdAt,
      sizeInBytes: () => Buffer.byteLength(JSON.stringify(draft.message)),
      isRead: true,
    }));

/** Received mail, oldest first: of one folder (Inbox, a created folder, …) or of the whole mailbox. */
const receivedItems = (
  ctx: EmulatorContext,
  mailbox: EmulatedMailbox,
  folderId: string | undefined,
  view: MessageView,
): ListedMessage[] =>
  ctx.mail.list(mailbox.userPrincipalName, folderId).map((message) => ({
    internetMessageId: message.internetMessageId,
    full: () => receivedMessage(message, view),
    time: message.receivedDateTime,
    sizeInBytes: () => Buffer.byteLength(JSON.stringify(message)),
    isRead: message.isRead,
  }));

/** Newest first; of messages with the same time, the one listed later first. */
const newestFirst = (oldestFirst: ListedMessage[]): ListedMessage[] =>
  oldestFirst
    .map((message, index) => ({ message, index }))
    .sort((a, b) => (a.message.time === b.message.time ? b.index - a.index : a.message.time < b.message.time ? 1 : -1))
    .map(({ message }) => message);

const messagesIn = (
  ctx: EmulatorContext,
  mailbox: EmulatedMailbox,
  folder: MailFolder | undefined,
  view: MessageView = { immutableIds: false },
): ListedMessage[] => {
  const received = receivedItems(ctx, mailbox, folder?.id, view);
  if (folder === undefined) return newestFirst([...sentItems(ctx, mailbox), ...draftItems(ctx, mailbox), ...received]);
  if (folder.wellKnownName === SENT_ITEMS) return newestFirst(sentItems(ctx, mailbox));
  return folder.wellKnownName === DRAFTS ? newestFirst(draftItems(ctx, mailbox)) : newestFirst(received);
};

/**
 * GET /users/{id | userPrincipalName}/mailFolders/{name | id}, …/mailFolders/{name | id}/messages and
 * …/messages, with $select (and $top, $skip and `$filter=internetMessageId eq '…'` for messages; the mailbox
 * lists Sent Items and Drafts). Needs Mail.Read or Mail.ReadWrite; the mailbox is opened as for sendMail,
 * application access policy included.
 */
export const readMailbox = (
  ctx: EmulatorContext,
  request: MailboxReadRequest,
): MailboxReadOutcome | { ok: false; unsupported: string } => {
  const route = matchRoute(request.segments);
  if (route === undefined) return { ok: false, unsupported: request.path };
  const rules: ODataQueryRules =
    route.kind === 'folder'
      ? { type: 'mailFolder', selectable: [...MAIL_FOLDER_PROPERTIES, ...MAIL_FOLDER_NAVIGATION], paging: false }
      : { type: 'message', selectable: SELECTABLE_MESSAGE_PROPERTIES, paging: true, messageFilter: true };
  const parsed = parseODataQuery(request.query, rules);
  if (!parsed.ok)
    return 'error' in parsed ? parsed : { ok: false, unsupported: `${request.path}?${parsed.unsupported}` };

  if (!(request.caller.roles ?? []).some((role) => MAIL_READ_ROLES.includes(role)))
    return { ok: false, error: GraphErrors.mailAccessDenied() };
  const access = openMailbox(ctx, request.caller, request.user);
  if (!access.ok) return access;
  const { mailbox } = access;
  const contextBase = `${ctx.urls.graph}/${request.version}/$metadata#users('${encodeURIComponent(request.user)}')`;
  const selected = parsed.query.select === undefined ? '' : `(${parsed.query.select.join(',')})`;

  if (route.kind === 'messages') {
    const page = messagePage(ctx, request, parsed.query, messagesIn(ctx, mailbox, undefined, request.view));
    return { ok: true, body: { '@odata.context': `${contextBase}/messages${selected}`, ...page } };
  }
  const lookup = resolveFolder(ctx, mailbox, route.folder);
  if (lookup.kind === 'malformed') return { ok: false, error: GraphErrors.invalidIdMalformed() };
  if (lookup.kind === 'not-found') return { ok: false, error: GraphErrors.itemNotFound() };
  const { folder } = lookup;
  if (route.kind === 'folder-messages') {
    const page = messagePage(ctx, request, parsed.query, messagesIn(ctx, mailbox, folder, request.view));
    return {
      ok: true,
      body: {
        '@odata.context': `${contextBase}/mailFolders('${encodeURIComponent(route.folder)}')/messages${selected}`,
        ...page,
      },
    };
  }
  const full = folderResource(ctx, mailbox, folder);
  const names =
    parsed.query.select === undefined
      ? MAIL_FOLDER_PROPERTIES
      : ['id', ...MAIL_FOLDER_PROPERTIES.filter((name) => name !== 'id' && parsed.query.select?.includes(name))];
  const body: Json = { '@odata.context': `${contextBase}/mailFolders${selected}/$entity` };
  for (const name of names) body[name] = full[name];
  return { ok: true, body };
};

/** A folder as Graph's mailFolder resource, with its real counts (mailfolder-get). */
export const folderResource = (ctx: EmulatorContext, mailbox: EmulatedMailbox, folder: AnyFolder): Json => {
  const messages = messagesIn(ctx, mailbox, folder);
  return {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    childFolderCount: childFolderCount(ctx, mailbox, folder),
    unreadItemCount: messages.filter((message) => !message.isRead).length,
    totalItemCount: messages.length,
    sizeInBytes: messages.reduce((sum, message) => sum + message.sizeInBytes(), 0),
    isHidden: folder.isHidden,
  };
};

/**
 * One page of messages (those matching the filter, if any), with @odata.nextLink (a $skip link, as Graph gives
 * for messages) when more remain.
 */
const messagePage = (
  ctx: EmulatorContext,
  request: MailboxReadRequest,
  query: ODataQuery,
  listed: ListedMessage[],
): Json => {
  const { filter } = query;
  const messages =
    filter === undefined ? listed : listed.filter((message) => message.internetMessageId === filter.internetMessageId);
  const size = Math.min(query.top ?? DEFAULT_MESSAGE_PAGE_SIZE, MAX_MESSAGE_PAGE_SIZE);
  const value = messages
    .slice(query.skip, query.skip + size)
    .map((message) => projectMessage(message.full(), query.select));
  const page: Json = { value };
  if (size > 0 && query.skip + size < messages.length) {
    const next = new URLSearchParams();
    if (filter !== undefined)
      next.set('$filter', `internetMessageId eq '${filter.internetMessageId.replace(/'/g, "''")}'`);
    if (query.select !== undefined) next.set('$select', query.select.join(','));
    if (query.top !== undefined) next.set('$top', String(query.top));
    next.set('$skip', String(query.skip + size));
    page['@odata.nextLink'] = `${ctx.urls.graph}${request.path}?${next.toString()}`;
  }
  return page;
};
