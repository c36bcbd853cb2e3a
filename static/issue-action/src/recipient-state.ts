import { MAX_RECIPIENTS, addressKey, parseEmailAddress } from '../../../src/contract/email-address';
import { plural } from './format';
import { splitAllRecipients, splitRecipientText } from './recipients';

export const RECIPIENT_FIELDS = ['to', 'cc', 'bcc'] as const;
export type RecipientField = (typeof RECIPIENT_FIELDS)[number];
export const RECIPIENT_LABELS: Record<RecipientField, string> = { to: 'To', cc: 'Cc', bcc: 'Bcc' };

/** One chip. `text` is what goes to the backend: the token as typed (it parsed), or `Name <address>` when picked. */
export type Recipient =
  | { id: string; text: string; valid: true; address: string; name: string | undefined }
  | { id: string; text: string; valid: false; message: string };

type PerField<T> = Record<RecipientField, T>;

export interface RecipientsModel {
  chips: PerField<readonly Recipient[]>;
  /** What is typed in each field and not yet a chip. */
  text: PerField<string>;
  /** Duplicates folded or the recipient cap reached by the field's last change, said under the field. */
  notes: PerField<string | null>;
  /** For screen readers: what the last change did. */
  announcement: string;
  nextId: number;
}

const perField = <T>(value: T): PerField<T> => ({ to: value, cc: value, bcc: value });

export const emptyRecipients = (): RecipientsModel => ({
  chips: perField<readonly Recipient[]>([]),
  text: perField(''),
  notes: perField<string | null>(null),
  announcement: '',
  nextId: 1,
});

const keyOf = (recipient: Recipient): string =>
  recipient.valid ? addressKey(recipient.address) : `invalid:${recipient.text.toLowerCase()}`;

export const chipLabel = (recipient: Recipient): string =>
  recipient.valid ? (recipient.name ?? recipient.address) : recipient.text;

const allChips = (model: RecipientsModel) => RECIPIENT_FIELDS.flatMap((field) => model.chips[field]);

export const validCount = (model: RecipientsModel): number => allChips(model).filter((chip) => chip.valid).length;

export const invalidCount = (model: RecipientsModel): number => allChips(model).filter((chip) => !chip.valid).length;

/** The field an address is already in, if any (case-insensitive). */
export function fieldOf(model: RecipientsModel, address: string): RecipientField | undefined {
  const key = addressKey(address);
  return RECIPIENT_FIELDS.find((field) => model.chips[field].some((chip) => chip.valid && keyOf(chip) === key));
}

interface Folded {
  address: string;
  field: RecipientField;
}

function addNote(folded: readonly Folded[], dropped: number): string | null {
  const parts: string[] = [];
  const [first] = folded;
  if (folded.length === 1 && first) parts.push(`${first.address} is already in ${RECIPIENT_LABELS[first.field]}.`);
  if (folded.length > 1) parts.push(`${plural(folded.length, 'duplicate address', 'duplicate addresses')} left out.`);
  if (dropped > 0) {
    parts.push(
      `A message can have at most ${MAX_RECIPIENTS} recipients (To, Cc and Bcc together); ` +
        `${plural(dropped, 'address was', 'addresses were')} left out.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The note under the field is a live region of its own, so it is not repeated here. */
function addAnnouncement(added: readonly Recipient[], field: RecipientField): string {
  const label = RECIPIENT_LABELS[field];
  const invalid = added.filter((chip) => !chip.valid).length;
  const [only] = added;
  let text = '';
  if (added.length === 1 && only?.valid) text = `Added ${chipLabel(only)} to ${label}.`;
  else if (added.length > 0) text = `Added ${plural(added.length, 'recipient')} to ${label}.`;
  // The chip itself carries the parser's message; repeating it here would put the same text on the page twice.
  if (invalid > 0) text += ` ${plural(invalid, 'address is', 'addresses are')} not valid.`;
  return text.trim();
}

/**
 * Turns tokens into chips of `field`: each parsed as the backend parses it, duplicates (case-insensitive, across
 * To, Cc and Bcc, and within the tokens) folded into the first, valid addresses beyond MAX_RECIPIENTS left out.
 */
export function addTokens(
  model: RecipientsModel,
  field: RecipientField,
  tokens: readonly string[],
  text = model.text[field],
): RecipientsModel {
  const seen = new Map<string, RecipientField>();
  for (const name of RECIPIENT_FIELDS) for (const chip of model.chips[name]) seen.set(keyOf(chip), name);
  let valid = validCount(model);
  let nextId = model.nextId;
  const added: Recipient[] = [];
  const folded: Folded[] = [];
  let dropped = 0;
  for (const token of tokens) {
    const trimmed = token.trim();
    if (trimmed === '') continue;
    const parsed = parseEmailAddress(trimmed);
    const id = `r${nextId}`;
    const chip: Recipient = parsed.ok
      ? { id, text: trimmed, valid: true, address: parsed.value.address, name: parsed.value.name }
      : { id, text: trimmed, valid: false, message: parsed.message };
    const key = keyOf(chip);
    const already = seen.get(key);
    if (already) {
      folded.push({ address: chip.valid ? chip.address : chip.text, field: already });
      continue;
    }
    if (chip.valid && valid >= MAX_RECIPIENTS) {
      dropped++;
      continue;
    }
    if (chip.valid) valid++;
    nextId++;
    seen.set(key, field);
    added.push(chip);
  }
  const note = addNote(folded, dropped);
  return {
    chips: { ...model.chips, [field]: [...model.chips[field], ...added] },
    text: { ...model.text, [field]: text },
    notes: { ...model.notes, [field]: note },
    announcement: addAnnouncement(added, field),
    nextId,
  };
}

/** Typing: every address a separator closed becomes a chip; the rest stays in the box. */
export function typeText(model: RecipientsModel, field: RecipientField, text: string): RecipientsModel {
  const { complete, rest } = splitRecipientText(text);
  // A note about the last chips stays while the next address is typed.
  if (complete.length === 0) return { ...model, text: { ...model.text, [field]: text } };
  return addTokens(model, field, complete, rest);
}

/** Enter, Tab, leaving the field or pasting a list: everything typed becomes chips. */
export function commitText(model: RecipientsModel, field: RecipientField, text = model.text[field]): RecipientsModel {
  const tokens = splitAllRecipients(text);
  if (tokens.length > 0) return addTokens(model, field, tokens, '');
  return model.text[field] === '' ? model : { ...model, text: { ...model.text, [field]: '' } };
}

/** All fields' typed text as chips: what a preview or send goes out with. */
export const commitAll = (model: RecipientsModel): RecipientsModel =>
  RECIPIENT_FIELDS.reduce((current, field) => commitText(current, field), model);

export function removeChip(model: RecipientsModel, field: RecipientField, id: string): RecipientsModel {
  const chip = model.chips[field].find((candidate) => candidate.id === id);
  if (!chip) return model;
  return {
    ...model,
    chips: { ...model.chips, [field]: model.chips[field].filter((candidate) => candidate.id !== id) },
    notes: { ...model.notes, [field]: null },
    announcement: `Removed ${chipLabel(chip)} from ${RECIPIENT_LABELS[field]}.`,
  };
}

/** Backspace in an empty box takes the field's last chip away. */
export function removeLastChip(model: RecipientsModel, field: RecipientField): RecipientsModel {
  const last = model.chips[field].at(-1);
  return last ? removeChip(model, field, last.id) : model;
}

export interface RecipientPayload {
  to: string[];
  cc: string[];
  bcc: string[];
}

/** The valid chips' texts per field, as the send and preview payloads take them. */
export function recipientPayload(model: RecipientsModel): RecipientPayload {
  const texts = (field: RecipientField) => model.chips[field].flatMap((chip) => (chip.valid ? [chip.text] : []));
  return { to: texts('to'), cc: texts('cc'), bcc: texts('bcc') };
}
