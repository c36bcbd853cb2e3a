import { useEffect, useState } from 'react';

import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import type { ResolverError } from '../../../src/contract/result';
import { getEmailDraft } from './invokes';

export type DraftState =
  { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; draft: IssueEmailDraft };

/** The issue's draft (subject, sender, quick picks, templates, attachments), asked once when the dialog opens. */
export const useEmailDraft = (): DraftState => {
  const [draft, setDraft] = useState<DraftState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    void getEmailDraft().then((result) => {
      if (!current) return;
      setDraft(result.ok ? { state: 'ready', draft: result.data } : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);
  return draft;
};
