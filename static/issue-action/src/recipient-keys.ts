import type { ClipboardEvent, KeyboardEvent } from 'react';

import { stepActive } from '../../shared/components/chip-input';
import type { Reachable } from './person-labels';
import { isRecipientList } from './recipients';
import { MIN_SEARCH_LENGTH } from './use-people-search';

/** What a recipient box's keys act on. */
interface RecipientKeyContext {
  text: string;
  chipCount: number;
  people: readonly Reachable[];
  activeIndex: number;
  /** The highlighted suggestion, while the suggestions show. */
  activePerson: Reachable | undefined;
  expanded: boolean;
  setActive: (index: number) => void;
  setOpen: (open: boolean) => void;
  pick: (person: Reachable) => void;
  onCommit: (text?: string) => void;
  onRemoveLast: () => void;
}

/**
 * The recipient box's keys: arrows move through the suggestions, Enter or Tab takes the highlighted one (Enter with
 * none turns the text into chips), Escape closes the suggestions, Backspace in an empty box removes the last chip.
 */
export const onRecipientKey = (event: KeyboardEvent<HTMLInputElement>, box: RecipientKeyContext) => {
  const { text, people, activeIndex, activePerson, expanded } = box;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      if (!expanded || people.length === 0) {
        if (text.trim().length >= MIN_SEARCH_LENGTH) box.setOpen(true);
        return;
      }
      event.preventDefault();
      box.setActive(stepActive(activeIndex, event.key === 'ArrowDown' ? 1 : -1, people.length));
      return;
    }
    case 'Enter':
      // Ctrl+Enter sends, and the dialog sends with the typed text as it would become chips.
      if (event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      if (activePerson) box.pick(activePerson);
      else box.onCommit();
      return;
    case 'Tab':
      // Focus moves on either way; leaving the box turns the text into chips.
      if (activePerson) box.pick(activePerson);
      return;
    case 'Escape':
      if (expanded) {
        // Closes the suggestions only, not the dialog.
        event.preventDefault();
        box.setOpen(false);
        box.setActive(-1);
      }
      return;
    case 'Backspace': {
      const input = event.currentTarget;
      if (text === '' && input.selectionStart === 0 && input.selectionEnd === 0 && box.chipCount > 0) {
        event.preventDefault();
        box.onRemoveLast();
      }
      return;
    }
  }
};

/** A pasted list of addresses becomes chips at once: `commit` gets the box's text with the paste in place. */
export const onRecipientPaste = (
  event: ClipboardEvent<HTMLInputElement>,
  text: string,
  commit: (text: string) => void,
) => {
  const pasted = event.clipboardData.getData('text');
  if (!isRecipientList(pasted)) return;
  event.preventDefault();
  const input = event.currentTarget;
  const start = input.selectionStart ?? text.length;
  const end = input.selectionEnd ?? text.length;
  commit(text.slice(0, start) + pasted + text.slice(end));
};
