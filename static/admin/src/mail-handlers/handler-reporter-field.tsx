import { useState } from 'react';

import type { JiraUserRef } from '../../../../src/contract';
import { useDebouncedSearch } from '../../../shared/use-debounced-search';
import { searchHandlerReporters } from '../shared/invokes';
import { handlerFieldId } from './mail-handler-state';

interface HandlerReporterFieldProps {
  reporter: JiraUserRef | null;
  error: string | undefined;
  onChange: (reporter: JiraUserRef | null) => void;
}

const shouldSearch = (text: string) => text.length >= 2;

const SEARCH_ID = `${handlerFieldId('defaultReporter')}-search`;
const HINT_ID = `${handlerFieldId('defaultReporter')}-hint`;
const ERROR_ID = `${handlerFieldId('defaultReporter')}-error`;

/**
 * The default reporter: a Jira user found by name, chosen from the matches. Used when no Jira user has the
 * sender's address; the sender's name and address are kept on the issue either way.
 */
export const HandlerReporterField = ({ reporter, error, onChange }: HandlerReporterFieldProps) => {
  const [query, setQuery] = useState('');
  const search = useDebouncedSearch(query, searchHandlerReporters, shouldSearch);
  const choices = [
    ...(reporter === null ? [] : [reporter]),
    ...search.results.filter((user) => user.accountId !== reporter?.accountId),
  ];
  const describedBy = [error ? ERROR_ID : '', HINT_ID].filter(Boolean).join(' ');
  return (
    <fieldset className="im-fieldset im-field">
      <legend className="im-fieldset__legend">
        Default reporter{' '}
        <span className="im-field__required" aria-hidden="true">
          *
        </span>
      </legend>
      <label className="im-field__label" htmlFor={SEARCH_ID}>
        Find a Jira user
      </label>
      <input
        id={SEARCH_ID}
        className="im-input"
        type="search"
        autoComplete="off"
        value={query}
        placeholder="Type at least 2 letters of a name"
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      <p role="status" className="im-secondary">
        {search.status === 'searching' && 'Searching…'}
        {search.status === 'failed' && search.message}
        {search.status === 'done' && `${search.results.length} found`}
      </p>
      <label className="im-field__label" htmlFor={handlerFieldId('defaultReporter')}>
        Reporter
      </label>
      <select
        id={handlerFieldId('defaultReporter')}
        className="im-select"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required
        value={reporter?.accountId ?? ''}
        onChange={(event) => {
          const accountId = event.currentTarget.value;
          onChange(choices.find((user) => user.accountId === accountId) ?? null);
        }}
      >
        <option value="">Choose a user</option>
        {choices.map((user) => (
          <option key={user.accountId} value={user.accountId}>
            {user.displayName}
          </option>
        ))}
      </select>
      <p id={HINT_ID} className="im-field__hint">
        Reports a new issue when no Jira user has the sender&apos;s address. The sender&apos;s name and address are
        always kept on the issue.
      </p>
      {error && (
        <p id={ERROR_ID} className="im-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
};
