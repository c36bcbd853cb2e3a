import { addressKey, MAX_RECIPIENTS, parseEmailAddress } from '../../../src/contract/email-address';
import type { RecipientInput } from '../../../src/contract/recipient-input';
import { plural } from './format';
import { splitAllRecipients, splitRecipientText } from './recipients';

export const RECIPIENT_FIELDS = ['to', 'cc', 'bcc'] as const;
export type RecipientField = (typeof RECIPIENT_FIELDS)[number];
export const RECIPIENT_LABELS: Record<RecipientField, string> = { to: 'To', cc: 'Cc', bcc: 'Bcc' };

/**
 * A Jira user from the issue whose address Jira hides from the sender: the chip knows only their name, and the
 * backend finds the address when the email is queued. `text` is the name.
 */
export type PersonRecipient = { id: string; text: string; valid: true; address: null; name: string; accountId: string };

/**
 * One chip. For an address, `text` is what goes to the backend: the token as typed (it parsed), or `Name <address>`
 * when picked; a person goes as `{ accountId }`.
 */
export type Recipient =
  | { id: string; text: string; valid: true; address: string; name: string | undefined }
  | PersonRecipient
  | { id: string; text: string; valid: false; message: string };

/** Who a person chip names: an issue's people as the draft lists them. */
export interface PickedPerson {
  accountId: string;
  name: string;
}

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

/** Chips fold by this: an address case-insensitively, a person by account id, an invalid token as typed. */
export const recipientKey = (recipient: Recipient): string => {
  if (!recipient.valid) return `invalid:${recipient.text.toLowerCase()}`;
  return recipient.address === null ? `jira:${recipient.accountId}` : addressKey(recipient.address);
};

export const chipLabel = (recipient: Recipient): string => {
  if (!recipient.valid) return recipient.text;
  return recipient.address === null ? recipient.name : (recipient.name ?? recipient.address);
};

const allChips = (model: RecipientsModel) => RECIPIENT_FIELDS.flatMap((field) => model.chips[field]);

export const validCount = (model: RecipientsModel): number => allChips(model).filter((chip) => chip.valid).length;

export const invalidCount = (model: RecipientsModel): number => allChips(model).filter((chip) => !chip.valid).length;

/** The field an address is already in, if any (case-insensitive). */
export const fieldOf = (model: RecipientsModel, address: string): RecipientField | undefined => {
  const key = addressKey(address);
  return RECIPIENT_FIELDS.find((field) => model.chips[field].some((chip) => chip.valid && recipientKey(chip) === key));
};

/** The field a person is already in, if any. */
export const fieldOfPerson = (model: RecipientsModel, accountId: string): RecipientField | undefined =>
  RECIPIENT_FIELDS.find((field) =>
    model.chips[field].some((chip) => chip.valid && chip.address === null && chip.accountId === accountId),
  );

interface Folded {
  address: string;
  field: RecipientField;
}

const addNote = (folded: readonly Folded[], dropped: number): string | null => {
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
};

/** The note under the field is a live region of its own, so it is not repeated here. */
const addAnnouncement = (added: readonly Recipient[], field: RecipientField): string => {
  const label = RECIPIENT_LABELS[field];
  const invalid = added.filter((chip) => !chip.valid).length;
  const [only] = added;
  let text = '';
  if (added.length === 1 && only?.valid) text = `Added ${chipLabel(only)} to ${label}.`;
  else if (added.length > 0) text = `Added ${plural(added.length, 'recipient')} to ${label}.`;
  // The chip itself carries the parser's message; repeating it here would put the same text on the page twice.
  if (invalid > 0) text += ` ${plural(invalid, 'address is', 'addresses are')} not valid.`;
  return text.trim();
};

/**
 * Turns tokens into chips of `field`: each parsed as the backend parses it, duplicates (case-insensitive, across
 * To, Cc and Bcc, and within the tokens) folded into the first, valid addresses beyond MAX_RECIPIENTS left out.
 */
export const addTokens = (
  model: RecipientsModel,
  field: RecipientField,
  tokens: readonly string[],
  text = model.text[field],
): RecipientsModel => {
  const seen = new Map<string, RecipientField>();
  for (const name of RECIPIENT_FIELDS) for (const chip of model.chips[name]) seen.set(recipientKey(chip), name);
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
    const key = recipientKey(chip);
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
};

/**
 * A person picked from the issue whose address Jira hides becomes a chip of their name; once only, within
 * MAX_RECIPIENTS like any address.
 */
export const addPerson = (model: RecipientsModel, field: RecipientField, person: PickedPerson): RecipientsModel => {
  const label = RECIPIENT_LABELS[field];
  const already = fieldOfPerson(model, person.accountId);
  if (already) {
    const note = `${person.name} is already in ${RECIPIENT_LABELS[already]}.`;
    return { ...model, notes: { ...model.notes, [field]: note }, announcement: '' };
  }
  if (validCount(model) >= MAX_RECIPIENTS) {
    const note = `A message can have at most ${MAX_RECIPIENTS} recipients (To, Cc and Bcc together); ${person.name} was left out.`;
    return { ...model, notes: { ...model.notes, [field]: note }, announcement: '' };
  }
  const chip: PersonRecipient = {
    id: `r${model.nextId}`,
    text: person.name,
    valid: true,
    address: null,
    name: person.name,
    accountId: person.accountId,
  };
  return {
    ...model,
    chips: { ...model.chips, [field]: [...model.chips[field], chip] },
    notes: { ...model.notes, [field]: null },
    announcement: `Added ${person.name} to ${label}.`,
    nextId: model.nextId + 1,
  };
};

/** Typing: every address a separator closed becomes a chip; the rest stays in the box. */
export const typeText = (model: RecipientsModel, field: RecipientField, text: string): RecipientsModel => {
  const { complete, rest } = splitRecipientText(text);
  // A note about the last chips stays while the next address is typed.
  if (complete.length === 0) return { ...model, text: { ...model.text, [field]: text } };
  return addTokens(model, field, complete, rest);
};

/** Enter, Tab, leaving the field or pasting a list: everything typed becomes chips. */
export const commitText = (
  model: RecipientsModel,
  field: RecipientField,
  text = model.text[field],
): RecipientsModel => {
  const tokens = splitAllRecipients(text);
  if (tokens.length > 0) return addTokens(model, field, tokens, '');
  return model.text[field] === '' ? model : { ...model, text: { ...model.text, [field]: '' } };
};

/** All fields' typed text as chips: what a preview or send goes out with. */
export const commitAll = (model: RecipientsModel): RecipientsModel =>
  RECIPIENT_FIELDS.reduce((current, field) => commitText(current, field), model);

export const removeChip = (model: RecipientsModel, field: RecipientField, id: string): RecipientsModel => {
  const chip = model.chips[field].find((candidate) => candidate.id === id);
  if (!chip) return model;
  return {
    ...model,
    chips: { ...model.chips, [field]: model.chips[field].filter((candidate) => candidate.id !== id) },
    notes: { ...model.notes, [field]: null },
    announcement: `Removed ${chipLabel(chip)} from ${RECIPIENT_LABELS[field]}.`,
  };
};

/** Backspace in an empty box takes the field's last chip away. */
export const removeLastChip = (model: RecipientsModel, field: RecipientField): RecipientsModel => {
  const last = model.chips[field].at(-1);
  return last ? removeChip(model, field, last.id) : model;
};

/** The valid chips' texts per field, as the preview lists them: addresses as given, people by name. */
export type ShownRecipients = Record<RecipientField, string[]>;

export const shownRecipients = (model: RecipientsModel): ShownRecipients => {
  const texts = (field: RecipientField) => model.chips[field].flatMap((chip) => (chip.valid ? [chip.text] : []));
  return { to: texts('to'), cc: texts('cc'), bcc: texts('bcc') };
};

export interface RecipientPayload {
  to: RecipientInput[];
  cc: RecipientInput[];
  bcc: RecipientInput[];
}

/** The valid chips per field as the send and preview payloads take them: address texts, and people by account id. */
export const recipientPayload = (model: RecipientsModel): RecipientPayload => {
  const inputs = (field: RecipientField) =>
    model.chips[field].flatMap((chip): RecipientInput[] => {
      if (!chip.valid) return [];
      return chip.address === null ? [{ accountId: chip.accountId }] : [chip.text];
    });
  return { to: inputs('to'), cc: inputs('cc'), bcc: inputs('bcc') };
};
