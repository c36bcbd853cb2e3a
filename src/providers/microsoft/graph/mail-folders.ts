import { GraphError } from './errors';
import { type GraphClientDeps, graphJson } from './graph-request';
import type { MailFolderData } from './inbound-answer-schemas';
import { readMailFolder, readMailFolderList } from './inbound-answers';
import { goneAs } from './inbound-errors';
import { type InboundReceipt, mailboxUrl, odataQuery, odataString, preferHeaders, segment } from './inbound-request';

/** A mail folder as the handler's page and Test show it. Counts are absent when Graph leaves them out. */
export interface MailFolder {
  id: string;
  displayName: string | undefined;
  parentFolderId: string | undefined;
  unreadItemCount: number | undefined;
  totalItemCount: number | undefined;
}

const FOLDER_FIELDS = 'id,displayName,parentFolderId,unreadItemCount,totalItemCount';

const toFolder = (data: MailFolderData): MailFolder => ({
  id: data.id,
  displayName: data.displayName ?? undefined,
  parentFolderId: data.parentFolderId ?? undefined,
  unreadItemCount: data.unreadItemCount ?? undefined,
  totalItemCount: data.totalItemCount ?? undefined,
});

const foldersUrl = (deps: GraphClientDeps, mailbox: string, folderId: string): string =>
  `${mailboxUrl(deps, mailbox)}/mailFolders/${segment(folderId)}`;

/**
 * `GET /users/{mailbox}/mailFolders/{id}?$select=…` (Mail.Read): a folder by id or well-known name (`inbox`,
 * https://learn.microsoft.com/en-us/graph/api/resources/mailfolder?view=graph-rest-1.0), with its unread and
 * total counts. A plain 404 is InboundGraphError GRAPH_ITEM_GONE (item `folder`).
 */
export const readFolder = (
  mailbox: string,
  folderId: string,
  deps: GraphClientDeps,
): Promise<{ folder: MailFolder; receipt: InboundReceipt }> =>
  goneAs('folder', async () => {
    const url = `${foldersUrl(deps, mailbox, folderId)}${odataQuery({ $select: FOLDER_FIELDS })}`;
    const {
      data,
      text: _text,
      ...receipt
    } = await graphJson({ method: 'GET', url, expect: [200], headers: preferHeaders() }, readMailFolder, deps);
    return { folder: toFolder(data), receipt };
  });

/**
 * `GET /users/{mailbox}/mailFolders/{parent}/childFolders?$filter=displayName eq '…'` (Mail.Read,
 * https://learn.microsoft.com/en-us/graph/api/mailfolder-list-childfolders?view=graph-rest-1.0): the child folder
 * with this name, or undefined. Exchange compares folder names without case, so the match does too.
 */
export const findChildFolder = async (
  mailbox: string,
  parentFolderId: string,
  displayName: string,
  deps: GraphClientDeps,
): Promise<MailFolder | undefined> => {
  const query = odataQuery({ $filter: `displayName eq ${odataString(displayName)}`, $select: FOLDER_FIELDS });
  const url = `${foldersUrl(deps, mailbox, parentFolderId)}/childFolders${query}`;
  const { data } = await goneAs('folder', () =>
    graphJson({ method: 'GET', url, expect: [200], headers: preferHeaders() }, readMailFolderList, deps),
  );
  const wanted = displayName.toLowerCase();
  const found = data.value.find((folder) => folder.displayName?.toLowerCase() === wanted);
  return found === undefined ? undefined : toFolder(found);
};

/** `ErrorFolderExists` (409): the name is taken under that parent. */
const isFolderExists = (error: unknown): boolean =>
  error instanceof GraphError && (error.status === 409 || error.graphCode === 'ErrorFolderExists');

/**
 * The child folder with this name, created when missing: `POST …/mailFolders/{parent}/childFolders`
 * `{ displayName }` (Mail.ReadWrite, https://learn.microsoft.com/en-us/graph/api/mailfolder-post-childfolders?view=graph-rest-1.0;
 * the text says 201, the example shows 200, so both are taken). A 409 ErrorFolderExists (another run made it
 * first) is answered by finding it. `created` says which happened.
 */
export const ensureChildFolder = async (
  mailbox: string,
  parentFolderId: string,
  displayName: string,
  deps: GraphClientDeps,
): Promise<{ folder: MailFolder; created: boolean }> => {
  const url = `${foldersUrl(deps, mailbox, parentFolderId)}/childFolders`;
  try {
    const { data } = await goneAs('folder', () =>
      graphJson(
        { method: 'POST', url, body: JSON.stringify({ displayName }), expect: [200, 201], headers: preferHeaders() },
        readMailFolder,
        deps,
      ),
    );
    return { folder: toFolder(data), created: true };
  } catch (error) {
    if (!isFolderExists(error)) throw error;
    const folder = await findChildFolder(mailbox, parentFolderId, displayName, deps);
    if (folder === undefined) throw error;
    return { folder, created: false };
  }
};
