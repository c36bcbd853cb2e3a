import { useEffect, useState } from 'react';

import type { EmailContentView, ResolverError } from '../../../../src/contract';
import { getEmailContent } from '../shared/invokes';

export type ContentLoad =
  { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded'; content: EmailContentView };

/** The message an email of the log sent, read once per opened email (and again on "Try again"). */
export const useEmailContent = (emailId: string) => {
  const [load, setLoad] = useState<ContentLoad>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    void getEmailContent(emailId).then((result) => {
      if (!current) return;
      setLoad(result.ok ? { state: 'loaded', content: result.data } : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [emailId, attempt]);
  return { load, retry: () => setAttempt((count) => count + 1) };
};
