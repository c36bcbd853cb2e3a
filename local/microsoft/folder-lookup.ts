import type { EmulatorContext } from './context';
import { findMailFolder, type MailFolder, mailFolders, ROOT_FOLDER } from './mail-folders';
import type { EmulatedMailbox } from './types';

/** A folder of a mailbox: a well-known one, or one a client created (then `wellKnownName` is ''). */
export interface AnyFolder extends MailFolder {
  isHidden: boolean;
}

export type AnyFolderLookup = { kind: 'found'; folder: AnyFolder } | { kind: 'not-found' } | { kind: 'malformed' };

/** Every folder of the mailbox: the well-known set, then the created ones in creation order. */
export const allFolders = (ctx: EmulatorContext, mailbox: EmulatedMailbox): AnyFolder[] => [
  ...mailFolders(mailbox).map((folder) => ({ ...folder, isHidden: false })),
  ...ctx.mail.folders(mailbox.userPrincipalName).map((folder) => ({ ...folder, wellKnownName: '' })),
];

/** `/mailFolders/{name | id}`: a well-known name in any case, or the id of a well-known or created folder. */
export const resolveFolder = (ctx: EmulatorContext, mailbox: EmulatedMailbox, segment: string): AnyFolderLookup => {
  const known = findMailFolder(mailbox, segment);
  if (known.kind === 'found') return { kind: 'found', folder: { ...known.folder, isHidden: false } };
  const created = ctx.mail.folders(mailbox.userPrincipalName).find((folder) => folder.id === segment);
  if (created !== undefined) return { kind: 'found', folder: { ...created, wellKnownName: '' } };
  return known;
};

/** How many folders sit directly under `folder`. */
export const childFolderCount = (ctx: EmulatorContext, mailbox: EmulatedMailbox, folder: MailFolder): number =>
  allFolders(ctx, mailbox).filter(
    (candidate) => candidate.parentFolderId === folder.id && candidate.wellKnownName !== ROOT_FOLDER,
  ).length;
