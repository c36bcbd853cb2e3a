/*
 * Gmail's labels (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.labels): system labels
 * keep their names as ids (INBOX, UNREAD, SENT, ...), user labels get ids like `Label_12`; `type` is `system` or
 * `user`; a user label carries `messageListVisibility` (show|hide) and `labelListVisibility`
 * (labelShow|labelShowIfUnread|labelHide).
 */

export interface GmailLabel {
  id: string;
  name: string;
  type: 'system' | 'user';
  messageListVisibility?: 'show' | 'hide';
  labelListVisibility?: 'labelShow' | 'labelShowIfUnread' | 'labelHide';
}

/** The system labels every mailbox has, as labels.list returns them. */
export const SYSTEM_LABELS: readonly string[] = [
  'CHAT',
  'SENT',
  'INBOX',
  'IMPORTANT',
  'TRASH',
  'DRAFT',
  'SPAM',
  'CATEGORY_FORUMS',
  'CATEGORY_UPDATES',
  'CATEGORY_PERSONAL',
  'CATEGORY_PROMOTIONS',
  'CATEGORY_SOCIAL',
  'STARRED',
  'UNREAD',
];

const MESSAGE_VISIBILITY: ReadonlySet<string> = new Set(['show', 'hide']);
const LABEL_VISIBILITY: ReadonlySet<string> = new Set(['labelShow', 'labelShowIfUnread', 'labelHide']);

export type LabelCreate = { ok: true; label: GmailLabel } | { ok: false; problem: 'invalid' | 'duplicate' };

/** One mailbox's labels: the system ones and those its user (or the app) created. */
export class MailboxLabels {
  private readonly user: GmailLabel[] = [];
  private next = 1;

  list(): GmailLabel[] {
    return [...SYSTEM_LABELS.map((id) => ({ id, name: id, type: 'system' as const })), ...this.user];
  }

  has(id: string): boolean {
    return SYSTEM_LABELS.includes(id) || this.user.some((label) => label.id === id);
  }

  byName(name: string): GmailLabel | undefined {
    const wanted = name.toLowerCase();
    return this.list().find((label) => label.name.toLowerCase() === wanted);
  }

  /** labels.create: a name no label has yet (system names included, case aside). */
  create(input: Record<string, unknown>): LabelCreate {
    const { name, messageListVisibility, labelListVisibility } = input;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 225) return { ok: false, problem: 'invalid' };
    const visible = (value: unknown, allowed: ReadonlySet<string>): boolean =>
      value === undefined || (typeof value === 'string' && allowed.has(value));
    if (!visible(messageListVisibility, MESSAGE_VISIBILITY) || !visible(labelListVisibility, LABEL_VISIBILITY))
      return { ok: false, problem: 'invalid' };
    if (this.byName(name.trim()) !== undefined) return { ok: false, problem: 'duplicate' };
    const label: GmailLabel = {
      id: `Label_${this.next}`,
      name: name.trim(),
      type: 'user',
      messageListVisibility: (messageListVisibility ?? 'show') as 'show' | 'hide',
      labelListVisibility: (labelListVisibility ?? 'labelShow') as GmailLabel['labelListVisibility'] & string,
    };
    this.next += 1;
    this.user.push(label);
    return { ok: true, label };
  }
}
