import { type Dispatch, type SetStateAction, useState } from 'react';

import type { CredentialView } from '../../../../src/contract';
import { rebase, sameValues } from './form-state';

/**
 * A new stored credential (the prop) rebases the admin's edits on it: fields the admin left alone take the stored
 * values, typed ones stay. Adjusted during render, not in an effect, as React's "You might not need an effect"
 * advises for state that follows a prop. Both credential forms (Microsoft's and Google's) follow it this way.
 */
export const useFollowStored = <Values extends object>(
  credential: CredentialView | null | undefined,
  valuesFrom: (credential: CredentialView) => Values,
  saved: [Values, Dispatch<SetStateAction<Values>>],
  setValues: Dispatch<SetStateAction<Values>>,
): void => {
  const [savedValues, setSavedValues] = saved;
  const [shownCredential, setShownCredential] = useState(credential);
  if (credential === shownCredential) return;
  setShownCredential(credential);
  const stored = credential ? valuesFrom(credential) : null;
  if (stored && !sameValues(stored, savedValues)) {
    setValues((current) => rebase(current, savedValues, stored));
    setSavedValues(stored);
  }
};
