import { useEffect, useMemo, useState } from 'react';

import type { EmailLogSummary, ListEmailLogInput } from '../../../../src/contract';
import { listEmailLog, loadPart } from '../shared/invokes';
import { useLogPages } from '../shared/use-log-pages';
import {
  type EmailLogFilters,
  filterErrors,
  hasFilterErrors,
  hasFilters,
  NO_FILTERS,
  normaliseIssueKey,
  toListPayload,
} from './email-log-query';

/** Typing an issue key asks again once the admin pauses this long. */
export const ISSUE_KEY_DELAY_MS = 400;

/**
 * The first page for these filters. Without filters it is the `emailLog` part, so the section's opening (with the
 * retention setting's part) is one resolver call.
 */
const firstPage = (query: ListEmailLogInput) =>
  Object.keys(query).length === 0 ? loadPart('emailLog') : listEmailLog(query);

const nextPage = (query: ListEmailLogInput, cursor: string) => listEmailLog({ ...query, cursor });

const idOf = (summary: EmailLogSummary) => summary.emailId;

/**
 * The email log's filters and rows. Status and dates ask at once; the issue key once typing pauses, or at once on
 * Enter or leaving the field. Only the latest request's answer is shown, so a slow answer cannot replace a newer
 * one. Filters the backend would refuse are not sent: their messages show on the fields.
 */
export const useEmailLog = () => {
  const [filters, setFilters] = useState<EmailLogFilters>(NO_FILTERS);
  const [appliedIssueKey, setAppliedIssueKey] = useState('');
  const [reloads, setReloads] = useState(0);

  const applied: EmailLogFilters = { ...filters, issueKey: appliedIssueKey };
  const errors = filterErrors(applied);
  const valid = !hasFilterErrors(errors);
  const queryKey = JSON.stringify(toListPayload(applied));
  const query = useMemo(() => (valid ? (JSON.parse(queryKey) as ListEmailLogInput) : null), [queryKey, valid]);

  useEffect(() => {
    const timer = setTimeout(() => setAppliedIssueKey(filters.issueKey), ISSUE_KEY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filters.issueKey]);

  const { list, loadMore, replaceRow } = useLogPages({ query, reloads, firstPage, nextPage, idOf });

  const set = <K extends keyof EmailLogFilters>(field: K, value: EmailLogFilters[K]) =>
    setFilters((current) => ({ ...current, [field]: value }));

  return {
    filters,
    errors,
    list,
    /** Whether the rows shown answer filters (for the empty state's words). */
    filtered: list.state === 'loaded' && Object.keys(list.query).length > 0,
    /** Whether "Clear filters" has anything to clear. */
    anyFilter: hasFilters(filters),
    setStatus: (status: EmailLogFilters['status']) => set('status', status),
    setIssueKey: (issueKey: string) => set('issueKey', issueKey),
    setFrom: (from: string) => set('from', from),
    setTo: (to: string) => set('to', to),
    /** Enter or leaving the field: ask now, and show the key as it is searched (upper case, no spaces). */
    applyIssueKey: () => {
      const issueKey = normaliseIssueKey(filters.issueKey);
      set('issueKey', issueKey);
      setAppliedIssueKey(issueKey);
    },
    clear: () => {
      setFilters(NO_FILTERS);
      setAppliedIssueKey('');
    },
    loadMore,
    /** Asks for the first page again with the same filters: "Refresh" and "Try again". */
    reload: () => setReloads((count) => count + 1),
    replaceRow,
  };
};

export type EmailLogState = ReturnType<typeof useEmailLog>;
