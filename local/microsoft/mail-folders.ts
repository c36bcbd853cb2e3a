import { createHash } from 'node:crypto';

import type { EmulatedMailbox } from './types';

/** A folder every Exchange Online mailbox has, addressable by its well-known name. */
export interface MailFolder {
  /** The well-known name, e.g. `sentitems`. */
  wellKnownName: string;
  displayName: string;
  id: string;
  parentFolderId: string;
}

/** Well-known folders under the message folder root (Graph mailFolder docs), in the order Outlook lists them. */
const WELL_KNOWN: readonly { name: string; displayName: string }[] = [
  { name: 'inbox', displayName: 'Inbox' },
  { name: 'drafts', displayName: 'Drafts' },
  { name: 'sentitems', displayName: 'Sent Items' },
  { name: 'deleteditems', displayName: 'Deleted Items' },
  { name: 'junkemail', displayName: 'Junk Email' },
  { name: 'outbox', displayName: 'Outbox' },
  { name: 'archive', displayName: 'Archive' },
];

export const ROOT_FOLDER = 'msgfolderroot';
/** Where sendMail keeps its copy. */
export const SENT_ITEMS = 'sentitems';
/** Where POST /messages creates drafts. */
export const DRAFTS = 'drafts';

/** A stable, Exchange-looking folder id: the same mailbox and folder give the same id across restarts. */
const folderId = (mailbox: EmulatedMailbox, name: string): string => {
  const hash = createHash('sha256')
    .update(`mail-folder\u0000${mailbox.id.toLowerCase()}\u0000${name}`)
    .digest('base64url');
  return `AAMkAG${hash.slice(0, 40)}AAA=`;
};

/** The mailbox's folders: the message folder root ("Top of Information Store") and the well-known folders under it. */
export const mailFolders = (mailbox: EmulatedMailbox): MailFolder[] => {
  const rootId = folderId(mailbox, ROOT_FOLDER);
  return [
    {
      wellKnownName: ROOT_FOLDER,
      displayName: 'Top of Information Store',
      id: rootId,
      parentFolderId: folderId(mailbox, 'root'),
    },
    ...WELL_KNOWN.map((folder) => ({
      wellKnownName: folder.name,
      displayName: folder.displayName,
      id: folderId(mailbox, folder.name),
      parentFolderId: rootId,
    })),
  ];
};

export type FolderLookup = { kind: 'found'; folder: MailFolder } | { kind: 'not-found' } | { kind: 'malformed' };

/** Exchange ids are base64 of a binary entry id; anything else cannot be one. */
const EXCHANGE_ID = /^AA[A-Za-z0-9+/_=-]{8,}$/;

/** `/mailFolders/{name | id}`: a well-known name in any case, or a folder id of this mailbox. */
export const findMailFolder = (mailbox: EmulatedMailbox, segment: string): FolderLookup => {
  const folders = mailFolders(mailbox);
  const folder = folders.find(
    (candidate) => candidate.wellKnownName === segment.toLowerCase() || candidate.id === segment,
  );
  if (folder !== undefined) return { kind: 'found', folder };
  return EXCHANGE_ID.test(segment) ? { kind: 'not-found' } : { kind: 'malformed' };
};
