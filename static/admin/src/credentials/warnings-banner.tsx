import type { AdminWarnings, CredentialWarning } from '../../../../src/contract';
import { SectionMessage, type SectionMessageAppearance } from '../../../shared/components/section-message';
import { formatDate, formatDateTime, withFormattedDate } from '../shared/format';

const APPEARANCE: Record<CredentialWarning['severity'], SectionMessageAppearance> = {
  error: 'error',
  warning: 'warning',
  info: 'information',
};

/** Expiry warnings are recomputed on every visit; only news has a moment worth showing. */
const NEWS: ReadonlySet<CredentialWarning['kind']> = new Set([
  'secret-promoted',
  'token-refused',
  'authorization-lost',
  'authorization-expiring',
]);

/** What happened, after the credential's name; `on` is the date written as every date on the page is. */
const WHAT: Record<CredentialWarning['kind'], (on: string | undefined) => string> = {
  'secret-expiring': (on) => `client secret expires${on ? ` on ${on}` : ' soon'}`,
  'secret-expired': (on) => `client secret expired${on ? ` on ${on}` : ''}`,
  'next-secret-expiring': (on) => `next secret expires${on ? ` on ${on}` : ' soon'}`,
  'next-secret-expired': (on) => `next secret expired${on ? ` on ${on}` : ''}`,
  'certificate-expiring': (on) => `certificate expires${on ? ` on ${on}` : ' soon'}`,
  'certificate-expired': (on) => `certificate expired${on ? ` on ${on}` : ''}`,
  'secret-promoted': () => 'the next secret took over',
  'token-refused': () => 'Microsoft refused the token request',
  'authorization-lost': () => 'the mailbox sign-in ended: Authorize again',
  'authorization-expiring': (on) => `the mailbox sign-in ends${on ? ` on ${on}` : ' soon'} unless renewed`,
};

/** "Support mailbox: client secret expires on Dec 25, 2026": which credential, what, and when. */
export const warningTitle = (warning: CredentialWarning): string =>
  `${warning.credentialName}: ${WHAT[warning.kind](warning.date ? formatDate(warning.date) : undefined)}`;

/** What the expiry check and token refusals found, worst first as the backend orders them: seen first on the page. */
export const WarningsBanner = ({ warnings }: { warnings: AdminWarnings }) => {
  if (warnings.warnings.length === 0) return null;
  return (
    <section className="im-warnings" aria-label="Credential warnings">
      {warnings.warnings.map((warning) => (
        <SectionMessage
          key={`${warning.credentialId}:${warning.kind}`}
          appearance={APPEARANCE[warning.severity]}
          title={warningTitle(warning)}
        >
          <p>{withFormattedDate(warning.message, warning.date)}</p>
          {NEWS.has(warning.kind) && (
            <p className="im-secondary">
              <time dateTime={warning.recordedAt}>{formatDateTime(warning.recordedAt)}</time>
            </p>
          )}
        </SectionMessage>
      ))}
      {warnings.checkedAt && (
        <p className="im-secondary im-warnings__checked">
          Expiry dates last checked <time dateTime={warnings.checkedAt}>{formatDateTime(warnings.checkedAt)}</time>
        </p>
      )}
    </section>
  );
};
