import type { EmulatorContext } from './context';
import { randomBase64Url } from './ids';
import type { StoredMailAttachment, StoredMessage } from './types';

/** Drafts are dropped beyond this, so a long local session cannot grow without bound. */
export const MAX_DRAFTS = 200;

/** A message created with POST /users/{id}/messages and not sent yet. */
export interface Draft {
  id: string;
  /** The mailbox (UPN) that owns it. */
  mailbox: string;
  createdAt: string;
  message: StoredMessage['message'];
}

/** An attachment upload in progress: the bytes received so far, in order. */
export interface UploadSession {
  token: string;
  draftId: string;
  mailbox: string;
  /** The owner's object id, for the attachment's Location. */
  mailboxId: string;
  attachment: Omit<StoredMailAttachment, 'contentBytes'>;
  chunks: Buffer[];
  received: number;
  expiresAt: Date;
}

/** Drafts and upload sessions of one emulator, in memory. */
export class DraftStore {
  private readonly drafts = new Map<string, Draft>();
  private readonly sessions = new Map<string, UploadSession>();

  create(mailbox: string, message: StoredMessage['message'], now: Date): Draft {
    const draft: Draft = {
      id: `AAMkAG${randomBase64Url(33)}`,
      mailbox,
      createdAt: now.toISOString(),
      message: structuredClone(message),
    };
    this.drafts.set(draft.id, draft);
    if (this.drafts.size > MAX_DRAFTS) {
      const oldest = this.drafts.keys().next().value;
      if (oldest !== undefined) this.drafts.delete(oldest);
    }
    return draft;
  }

  /** The live draft itself (callers in this folder change it in place); `mailbox` matches case-insensitively. */
  get(mailbox: string, id: string): Draft | undefined {
    const draft = this.drafts.get(id);
    return draft !== undefined && draft.mailbox.toLowerCase() === mailbox.toLowerCase() ? draft : undefined;
  }

  /** The mailbox's drafts, oldest first (live objects, as get() gives them). */
  list(mailbox: string): Draft[] {
    const key = mailbox.toLowerCase();
    return [...this.drafts.values()].filter((draft) => draft.mailbox.toLowerCase() === key);
  }

  remove(id: string): void {
    this.drafts.delete(id);
    for (const [token, session] of this.sessions) if (session.draftId === id) this.sessions.delete(token);
  }

  openSession(session: Omit<UploadSession, 'token' | 'chunks' | 'received'>): UploadSession {
    const open: UploadSession = { ...session, token: randomBase64Url(48), chunks: [], received: 0 };
    this.sessions.set(open.token, open);
    return open;
  }

  session(token: string): UploadSession | undefined {
    return this.sessions.get(token);
  }

  closeSession(token: string): void {
    this.sessions.delete(token);
  }
}

const stores = new WeakMap<EmulatorContext, DraftStore>();

/** The draft store of an emulator, made on first use so the shared context needs no new member. */
export const draftsOf = (ctx: EmulatorContext): DraftStore => {
  let store = stores.get(ctx);
  if (store === undefined) {
    store = new DraftStore();
    stores.set(ctx, store);
  }
  return store;
};
