import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { EmailLogSummary, ListEmailLogInput, ResolverError } from '../../../../src/contract';
import { listEmailLog, loadPart } from '../shared/invokes';
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

export type LoadMore = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; error: ResolverError };

export type EmailLogList =
  | { state: 'loading' }
  | { state: 'failed'; error: ResolverError }
  | {
      state: 'loaded';
      /** The filters these rows answer, for the next page. */
      query: ListEmailLogInput;
      items: EmailLogSummary[];
      cursor: string | undefined;
      more: LoadMore;
    };

const IDLE: LoadMore = { state: 'idle' };

/**
 * The first page for these filters. Without filters it is the `emailLog` part, so the section's opening (with the
 * retention setting's part) is one resolver call.
 */
const firstPage = (query: ListEmailLogInput) =>
  Object.keys(query).length === 0 ? loadPart('emailLog') : listEmailLog(query);

/** A page that starts with rows the admin already sees (new emails arrived between pages) adds only the others. */
const appendPage = (items: readonly EmailLogSummary[], page: readonly EmailLogSummary[]): EmailLogSummary[] => {
  const seen = new Set(items.map((item) => item.emailId));
  return [...items, ...page.filter((item) => !seen.has(item.emailId))];
};

/**
 * The email log's filters and rows. Status and dates ask at once; the issue key once typing pauses, or at once on
 * Enter or leaving the field. Only the latest request's answer is shown, so a slow answer cannot replace a newer
 * one. Filters the backend would refuse are not sent: their messages show on the fields.
 */
export const useEmailLog = () => {
  const [filters, setFilters] = useState<EmailLogFilters>(NO_FILTERS);
  const [appliedIssueKey, setAppliedIssueKey] = useState('');
  const [list, setList] = useState<EmailLogList>({ state: 'loading' });
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);

  const applied: EmailLogFilters = { ...filters, issueKey: appliedIssueKey };
  const errors = filterErrors(applied);
  const valid = !hasFilterErrors(errors);
  const queryKey = JSON.stringify(toListPayload(applied));
  const query = useMemo(() => JSON.parse(queryKey) as ListEmailLogInput, [queryKey]);

  useEffect(() => {
    const timer = setTimeout(() => setAppliedIssueKey(filters.issueKey), ISSUE_KEY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filters.issueKey]);

  // New filters (or a reload) show as loading at once (adjusted during render, as React's docs advise).
  const listRequest = valid ? `${reloads}:${queryKey}` : null;
  const [shownRequest, setShownRequest] = useState(listRequest);
  if (listRequest !== shownRequest) {
    setShownRequest(listRequest);
    if (listRequest !== null) setList({ state: 'loading' });
  }

  useEffect(() => {
    if (!valid) return;
    const request = ++generation.current;
    void firstPage(query).then((result) => {
      if (request !== generation.current) return;
      setList(
        result.ok
          ? { state: 'loaded', query, items: result.data.items, cursor: result.data.cursor, more: IDLE }
          : { state: 'failed', error: result.error },
      );
    });
  }, [query, valid, reloads]);

  /** Appends the next page; answers the id of its first new row (focus goes there), or null. */
  const loadMore = useCallback(async (): Promise<string | null> => {
    if (list.state !== 'loaded' || list.cursor === undefined || list.more.state === 'loading') return null;
    const request = generation.current;
    setList({ ...list, more: { state: 'loading' } });
    const result = await listEmailLog({ ...list.query, cursor: list.cursor });
    if (request !== generation.current) return null;
    if (!result.ok) {
      const more: LoadMore = { state: 'failed', error: result.error };
      setList((current) => (current.state === 'loaded' ? { ...current, more } : current));
      return null;
    }
    const shown = new Set(list.items.map((item) => item.emailId));
    const first = result.data.items.find((item) => !shown.has(item.emailId));
    setList((current) =>
      current.state === 'loaded'
        ? { ...current, items: appendPage(current.items, result.data.items), cursor: result.data.cursor, more: IDLE }
        : current,
    );
    return first?.emailId ?? null;
  }, [list]);

  const replaceRow = useCallback((summary: EmailLogSummary) => {
    setList((current) =>
      current.state === 'loaded'
        ? { ...current, items: current.items.map((item) => (item.emailId === summary.emailId ? summary : item)) }
        : current,
    );
  }, []);

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
