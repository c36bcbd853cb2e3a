import { useEffect, useMemo, useState } from 'react';

import type {
  IncomingHandlerRef,
  IncomingLogPage,
  IncomingLogSummary,
  ListIncomingLogInput,
} from '../../../../src/contract';
import { listIncomingLog, loadPart } from '../shared/invokes';
import { useLogPages } from '../shared/use-log-pages';
import {
  anyIncomingFilter,
  incomingFilterErrors,
  type IncomingLogFilters,
  NO_INCOMING_FILTERS,
  toIncomingPayload,
} from './incoming-log-query';

/** Typing a sender asks again once the admin pauses this long (as the email log's issue key). */
export const SENDER_DELAY_MS = 400;

/** Without filters the first page is the `incomingLog` part: opening the section is one resolver call. */
const firstPage = (query: ListIncomingLogInput) =>
  Object.keys(query).length === 0 ? loadPart('incomingLog') : listIncomingLog(query);

const nextPage = (query: ListIncomingLogInput, cursor: string) => listIncomingLog({ ...query, cursor });

const idOf = (summary: IncomingLogSummary) => summary.messageKey;

/**
 * The incoming log's filters and rows. Result, handler and dates ask at once; the sender once typing pauses, or at
 * once on Enter or leaving the field. Filters the backend would refuse are not sent: their messages show on the
 * fields. Every page names the mail handlers, for the handler filter.
 */
export const useIncomingLog = () => {
  const [filters, setFilters] = useState<IncomingLogFilters>(NO_INCOMING_FILTERS);
  const [appliedSender, setAppliedSender] = useState('');
  const [reloads, setReloads] = useState(0);
  const [handlers, setHandlers] = useState<IncomingHandlerRef[]>([]);

  const applied: IncomingLogFilters = { ...filters, sender: appliedSender };
  const errors = incomingFilterErrors(applied);
  const valid = Object.keys(errors).length === 0;
  const queryKey = JSON.stringify(toIncomingPayload(applied));
  const query = useMemo(() => (valid ? (JSON.parse(queryKey) as ListIncomingLogInput) : null), [queryKey, valid]);

  useEffect(() => {
    const timer = setTimeout(() => setAppliedSender(filters.sender), SENDER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filters.sender]);

  const pages = useLogPages({
    query,
    reloads,
    firstPage,
    nextPage,
    idOf,
    onFirstPage: (page: IncomingLogPage) => setHandlers(page.handlers),
  });

  const set = <K extends keyof IncomingLogFilters>(field: K, value: IncomingLogFilters[K]) =>
    setFilters((current) => ({ ...current, [field]: value }));

  return {
    ...pages,
    filters,
    errors,
    handlers,
    /** Whether the rows shown answer filters (for the empty state's words). */
    filtered: pages.list.state === 'loaded' && Object.keys(pages.list.query).length > 0,
    anyFilter: anyIncomingFilter(filters),
    set,
    /** Enter or leaving the sender field: ask now, with the address as it is searched. */
    applySender: () => {
      const sender = filters.sender.trim().toLowerCase();
      set('sender', sender);
      setAppliedSender(sender);
    },
    clear: () => {
      setFilters(NO_INCOMING_FILTERS);
      setAppliedSender('');
    },
    /** "Refresh" and "Try again": the first page again with the same filters. */
    reload: () => setReloads((count) => count + 1),
  };
};

export type IncomingLogState = ReturnType<typeof useIncomingLog>;
