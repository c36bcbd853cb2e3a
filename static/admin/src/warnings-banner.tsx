import type { AdminWarnings, CredentialWarning } from '../../../src/contract';
import { SectionMessage, type SectionMessageAppearance } from '../../shared/components/section-message';
import { formatDateTime } from './format';

const APPEARANCE: Record<CredentialWarning['severity'], SectionMessageAppearance> = {
  error: 'error',
  warning: 'warning',
  info: 'information',
};

/** Expiry warnings are recomputed on every visit; only news has a moment worth showing. */
const NEWS: ReadonlySet<CredentialWarning['kind']> = new Set(['secret-promoted', 'token-refused']);

/** What the expiry check and token refusals found, worst first as the backend orders them: seen first on the page. */
export function WarningsBanner({ warnings }: { warnings: AdminWarnings }) {
  if (warnings.warnings.length === 0) return null;
  return (
    <section className="im-warnings" aria-label="Credential warnings">
      {warnings.warnings.map((warning) => (
        <SectionMessage
          key={`${warning.credentialId}:${warning.kind}`}
          appearance={APPEARANCE[warning.severity]}
          title={warning.credentialName}
        >
          <p>{warning.message}</p>
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
}
