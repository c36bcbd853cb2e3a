import { useState } from 'react';

import type { ProjectRef } from '../../../../src/contract';
import type { Loadable } from '../../../shared/loadable';
import { ruleFieldId } from './notification-rule-state';

interface RuleProjectsFieldProps {
  chosen: readonly string[];
  projects: Loadable<ProjectRef[]>;
  error: string | undefined;
  onChange: (projectKeys: string[]) => void;
}

/** Above this many projects a filter box helps find one; chosen projects always stay in the list. */
const FILTER_FROM = 8;

const ID = ruleFieldId('projectKeys');
const HINT_ID = `${ID}-hint`;
const ERROR_ID = `${ID}-error`;
const checkboxId = (key: string) => `${ID}-${key}`;

/**
 * "Projects": a checkbox per Jira project, labelled "Name (KEY)", in a scrolling box. Projects a stored rule names
 * that Jira no longer lists (or could not list) stay shown under their key, so saving does not drop them silently.
 */
export const RuleProjectsField = ({ chosen, projects, error, onChange }: RuleProjectsFieldProps) => {
  const [filter, setFilter] = useState('');
  const listed = projects.state === 'loaded' ? projects.data : [];
  const known = new Set(listed.map((project) => project.key));
  const options = [
    ...listed.map((project) => ({ key: project.key, label: `${project.name} (${project.key})` })),
    ...chosen.filter((key) => !known.has(key)).map((key) => ({ key, label: key })),
  ];
  const query = filter.trim().toLowerCase();
  const shown = options.filter(
    (option) => query === '' || chosen.includes(option.key) || option.label.toLowerCase().includes(query),
  );

  // Kept in the order Jira lists projects, whatever order they were ticked in.
  const toggle = (key: string, on: boolean) =>
    onChange(
      on
        ? options.map((option) => option.key).filter((item) => item === key || chosen.includes(item))
        : chosen.filter((item) => item !== key),
    );

  const hint =
    projects.state === 'failed'
      ? `Projects could not be loaded: ${projects.error.message}`
      : projects.state === 'loading'
        ? 'Loading projects…'
        : 'Issues of these projects only.';

  return (
    <fieldset
      id={ID}
      className="im-fieldset"
      aria-describedby={[error ? ERROR_ID : '', HINT_ID].filter(Boolean).join(' ')}
    >
      <legend className="im-fieldset__legend">
        Projects{' '}
        <span className="im-field__required" aria-hidden="true">
          *
        </span>
      </legend>
      {options.length > FILTER_FROM && (
        <input
          className="im-input"
          type="search"
          aria-label="Filter projects"
          placeholder="Filter projects"
          autoComplete="off"
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          // Enter here means "this filter", not "save the rule".
          onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        />
      )}
      {options.length > 0 && (
        <ul className={`im-rule-projects${error ? ' im-rule-projects--invalid' : ''}`}>
          {shown.map((option) => (
            <li key={option.key}>
              <label className="im-checkbox im-checkbox--field" htmlFor={checkboxId(option.key)}>
                <input
                  id={checkboxId(option.key)}
                  type="checkbox"
                  checked={chosen.includes(option.key)}
                  onChange={(event) => toggle(option.key, event.currentTarget.checked)}
                />
                {option.label}
              </label>
            </li>
          ))}
          {shown.length === 0 && <li className="im-secondary">No projects match “{filter.trim()}”.</li>}
        </ul>
      )}
      <p id={HINT_ID} className="im-field__hint">
        {hint}
      </p>
      {error && (
        <p className="im-field__error" id={ERROR_ID}>
          {error}
        </p>
      )}
    </fieldset>
  );
};
