import type { EmulatorContext } from './context';
import { allFolders, resolveFolder } from './folder-lookup';
import { type Answer, errorAnswer } from './graph-answer';
import { GraphErrors } from './graph-errors';
import { InboundErrors } from './inbound-errors';
import { contextBase, type OpenedRequest } from './inbound-router';
import { readJsonObjectBody } from './json-body';
import { folderResource } from './mailbox-reads';

type Json = Record<string, unknown>;

const FOLDER_PROPERTIES = [
  'id',
  'displayName',
  'parentFolderId',
  'childFolderCount',
  'unreadItemCount',
  'totalItemCount',
  'sizeInBytes',
  'isHidden',
];

// displayName eq '…' (a quote inside the literal written twice), the one filter the emulator evaluates here.
const DISPLAY_NAME_EQ = /^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$/i;

const project = (full: Json, select: string[] | undefined): Json => {
  const names = select === undefined ? FOLDER_PROPERTIES : ['id', ...select.filter((name) => name !== 'id')];
  const item: Json = {};
  for (const name of names) item[name] = full[name];
  return item;
};

const readSelect = (query: URLSearchParams): string[] | { unknown: string } | undefined => {
  const text = query.get('$select');
  if (text === null) return undefined;
  const names: string[] = [];
  for (const raw of text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const name = FOLDER_PROPERTIES.find((candidate) => candidate.toLowerCase() === raw.toLowerCase());
    if (name === undefined) return { unknown: raw };
    names.push(name);
  }
  return names;
};

/**
 * GET /users/{id}/mailFolders/{id}/childFolders (`$filter=displayName eq '…'`, `$select`, `includeHiddenFolders`;
 * mailfolder-list-childfolders) and POST it `{ displayName, isHidden? }` (201; 409 ErrorFolderExists for a name
 * the parent already has; mailfolder-post-childfolders).
 * https://learn.microsoft.com/en-us/graph/api/mailfolder-list-childfolders?view=graph-rest-1.0
 * https://learn.microsoft.com/en-us/graph/api/mailfolder-post-childfolders?view=graph-rest-1.0
 */
export const handleChildFolders = (ctx: EmulatorContext, request: OpenedRequest): Answer => {
  const parent = resolveFolder(ctx, request.mailbox, request.segments[1] ?? '');
  if (parent.kind === 'malformed') return errorAnswer(GraphErrors.invalidIdMalformed());
  if (parent.kind === 'not-found') return errorAnswer(GraphErrors.itemNotFound());
  const base = `${contextBase(ctx, request)}/mailFolders('${encodeURIComponent(request.segments[1] ?? '')}')/childFolders`;
  if (request.method === 'POST') {
    const read = readJsonObjectBody(request.mediaType, request.body);
    if (!read.ok) return errorAnswer(read.error);
    const { displayName, isHidden } = read.value;
    if (typeof displayName !== 'string' || displayName.trim() === '')
      return errorAnswer(InboundErrors.invalidRequest('The displayName of a folder must not be empty.'));
    const created = ctx.mail.createFolder(
      request.mailbox.userPrincipalName,
      parent.folder.id,
      displayName,
      isHidden === true,
    );
    if (created === undefined) return errorAnswer(InboundErrors.folderExists());
    const full = folderResource(ctx, request.mailbox, { ...created, wellKnownName: '' });
    return { kind: 'created', body: { '@odata.context': `${base}/$entity`, ...full } };
  }
  const select = readSelect(request.query);
  if (select !== undefined && 'unknown' in select)
    return errorAnswer(GraphErrors.unknownProperty(select.unknown, 'mailFolder'));
  const filterText = request.query.get('$filter');
  const wanted = filterText === null ? undefined : DISPLAY_NAME_EQ.exec(filterText)?.[1]?.replace(/''/g, "'");
  if (filterText !== null && wanted === undefined)
    return errorAnswer(GraphErrors.notImplemented('GET', `${request.path}?$filter=${filterText}`));
  const includeHidden = request.query.get('includeHiddenFolders')?.toLowerCase() === 'true';
  const children = allFolders(ctx, request.mailbox).filter(
    (folder) =>
      folder.parentFolderId === parent.folder.id &&
      (includeHidden || !folder.isHidden) &&
      (wanted === undefined || folder.displayName.toLowerCase() === wanted.toLowerCase()),
  );
  return {
    kind: 'json',
    body: {
      '@odata.context': base,
      value: children.map((folder) => project(folderResource(ctx, request.mailbox, folder), select)),
    },
  };
};
