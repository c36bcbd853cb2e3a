import type { SettingsErrors, WhoMaySendMode } from './settings-state';

/** Text a chip picker holds that matches no chip: it is never added, and Save must not pass over it in silence. */
export const notAddedMessage = (noun: string, text: string) =>
  `“${text}” is not added. Choose a ${noun} from the suggestions, or clear the text.`;

/** What is typed, not chosen, in the groups and project roles pickers. */
export type UnaddedText = Partial<Record<'groups' | 'projectRoles', string>>;

const NOUNS = { groups: 'group', projectRoles: 'project role' } as const;

/** Save's messages for text left in the pickers; only while they count (members of groups or roles may send). */
export const unaddedTextErrors = (mode: WhoMaySendMode, typed: UnaddedText): SettingsErrors['fields'] => {
  if (mode !== 'restricted') return {};
  const fields: SettingsErrors['fields'] = {};
  for (const field of ['groups', 'projectRoles'] as const) {
    const text = typed[field]?.trim() ?? '';
    if (text !== '') fields[field] = notAddedMessage(NOUNS[field], text);
  }
  return fields;
};
