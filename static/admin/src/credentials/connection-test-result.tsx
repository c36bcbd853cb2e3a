import { useId } from 'react';

import type {
  ConnectionTestResult,
  DiagnosisStatus,
  DiagnosisStep,
  PermissionStatus,
  ResolverError,
} from '../../../../src/contract';
import { SectionMessage } from '../../../shared/components/section-message';
import { formatDateTime } from '../shared/format';

/** A test that ran (passed or failed), or the resolver's error when it could not run at all. */
export type ConnectionTestOutcome =
  { kind: 'result'; result: ConnectionTestResult } | { kind: 'error'; error: ResolverError };

/** Which version ran, first thing in the result: a form's unsaved values can pass where the saved credential fails. */
const TESTED: Record<NonNullable<ConnectionTestResult['tested']>, string> = {
  form: 'Tested the values in the form (not saved)',
  saved: 'Tested the saved credential',
};

/** Each status has its own glyph and word, so the checklist never relies on colour alone. */
const STATUS: Record<DiagnosisStatus, { glyph: string; word: string }> = {
  passed: { glyph: '\u2713', word: 'Passed' },
  failed: { glyph: '\u2715', word: 'Failed' },
  warning: { glyph: '!', word: 'Warning' },
  skipped: { glyph: '\u2013', word: 'Skipped' },
};

const StatusIcon = ({ status }: { status: DiagnosisStatus }) => (
  <span className={`im-status-icon im-status-icon--${status}`} aria-hidden="true">
    {STATUS[status].glyph}
  </span>
);

const Step = ({ step }: { step: DiagnosisStep }) => (
  <li className="im-checklist__item" data-step={step.key}>
    <StatusIcon status={step.status} />
    <div className="im-checklist__text">
      <p className="im-checklist__title">
        <span className="im-visually-hidden">{STATUS[step.status].word}: </span>
        {step.title}
      </p>
      <p>{step.message}</p>
      {step.code && (
        <p className="im-secondary">
          Error code <code>{step.code}</code>
        </p>
      )}
    </div>
  </li>
);

const Permissions = ({ permissions }: { permissions: PermissionStatus[] }) => {
  const titleId = useId();
  return (
    <div className="im-permissions">
      <h4 className="im-permissions__title" id={titleId}>
        Application permissions in the token
      </h4>
      <ul className="im-permissions__list" aria-labelledby={titleId}>
        {permissions.map(({ permission, granted }) => (
          <li key={permission} className="im-permissions__item">
            <StatusIcon status={granted ? 'passed' : 'failed'} />
            <code>{permission}</code>
            <span className={`im-lozenge ${granted ? 'im-lozenge--success' : 'im-lozenge--danger'}`}>
              {granted ? 'Granted' : 'Missing'}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
};

/**
 * Test connection's diagnosis: a summary, then the checklist (token, permissions, mailbox, test email) and the
 * required permissions. The backend's messages carry the guidance; nothing here is stored in the browser.
 */
interface ConnectionTestResultProps {
  outcome: ConnectionTestOutcome;
  /** Signs the mailbox in again: offered when the test says the grant is gone (`authorizeAgain`). */
  onAuthorizeAgain?: (() => void) | undefined;
}

export const ConnectionTestResultView = ({ outcome, onAuthorizeAgain }: ConnectionTestResultProps) => {
  if (outcome.kind === 'error') {
    return (
      <SectionMessage appearance="error" title="The connection could not be tested">
        <p>{outcome.error.message}</p>
      </SectionMessage>
    );
  }
  const { result } = outcome;
  const steps = result.steps ?? [];
  return (
    <div className="im-test-result">
      {result.tested && (
        <p className="im-test-result__tested">
          <strong>{TESTED[result.tested]}</strong>
        </p>
      )}
      {result.ok ? (
        <SectionMessage appearance="success" title="Connection works">
          <p>{result.message}</p>
          <p className="im-secondary">Tested {formatDateTime(result.testedAt)}</p>
        </SectionMessage>
      ) : (
        <SectionMessage appearance="error" title="Connection failed">
          <p>{result.message}</p>
          <p className="im-secondary">
            Error code <code>{result.code}</code> · Tested {formatDateTime(result.testedAt)}
          </p>
          {result.authorizeAgain && onAuthorizeAgain && (
            <p>
              <button type="button" className="im-button" onClick={onAuthorizeAgain}>
                Authorize again
              </button>
            </p>
          )}
        </SectionMessage>
      )}
      {steps.length > 0 && (
        <ol className="im-checklist" aria-label="Connection checks">
          {steps.map((step) => (
            <Step key={step.key} step={step} />
          ))}
        </ol>
      )}
      {result.permissions && result.permissions.length > 0 && <Permissions permissions={result.permissions} />}
    </div>
  );
};
