import { type CredentialView, GOOGLE_WORKSPACE } from '../../../../src/contract';
import { type Expiry, expiryOf, formatDate, formatDateTime, formatRelative, plural } from '../shared/format';

const When = ({ at, now }: { at: string; now: Date }) => (
  <time dateTime={at} title={formatDateTime(at)}>
    {formatRelative(at, now)}
  </time>
);

/**
 * The credential's health: the last connection test ("Passed 5 minutes ago"), and what real traffic showed, the
 * last send Microsoft 365 accepted and the last it refused, so a credential that sends every day never reads as
 * untested. Exact times on hover and for assistive technology.
 */
export const LastTestCell = ({ credential, now }: { credential: CredentialView; now: Date }) => {
  const test = credential.lastTest;
  const accepted = credential.traffic?.lastAccepted;
  const refused = credential.traffic?.lastRefused;
  if (!test && !accepted && !refused) return <span className="im-secondary">Not tested yet</span>;
  return (
    <span className="im-cell-stack">
      {test && (
        <>
          <span className={`im-lozenge ${test.ok ? 'im-lozenge--success' : 'im-lozenge--danger'}`}>
            {test.ok ? 'Passed' : 'Failed'}
          </span>
          <span className="im-secondary">
            <When at={test.testedAt} now={now} />
          </span>
        </>
      )}
      {accepted && (
        <span className="im-secondary" data-health="accepted">
          Last send accepted <When at={accepted.at} now={now} />
        </span>
      )}
      {refused && (
        <span className="im-secondary" data-health="refused" title={refused.message}>
          Last refusal <When at={refused.at} now={now} /> (<code>{refused.code}</code>)
        </span>
      )}
    </span>
  );
};

const ExpiryLine = ({ what, date, expiry }: { what: string; date: string; expiry: Expiry }) => {
  const shown = formatDate(date);
  switch (expiry.state) {
    case 'expired':
      return (
        <>
          <span className="im-lozenge im-lozenge--danger">Expired</span>
          <span className="im-secondary">
            {what} expired {shown}
          </span>
        </>
      );
    case 'soon':
      return (
        <>
          <span className="im-lozenge im-lozenge--warning">
            {expiry.daysLeft === 0 ? 'Expires today' : `Expires in ${plural(expiry.daysLeft, 'day')}`}
          </span>
          <span className="im-secondary">
            {what} expires {shown}
          </span>
        </>
      );
    default:
      return (
        <span className="im-secondary">
          {what} expires {shown}
        </span>
      );
  }
};

/**
 * A Google service account key has no expiry the page knows of (an organization policy may expire keys, which Test
 * connection then reports): the cell says which key is stored and since when.
 */
const ServiceAccountKeyCell = ({ credential }: { credential: CredentialView }) => {
  const account = credential.serviceAccount;
  if (!account || !credential.hasPrivateKey) return <span className="im-lozenge im-lozenge--danger">No key</span>;
  return (
    <span className="im-cell-stack">
      <span className="im-secondary">Key uploaded {formatDate(account.keyUpdatedAt)}</span>
      <span className="im-secondary">
        Key ID <code>{account.privateKeyId.slice(0, 8)}</code>
      </span>
    </span>
  );
};

/** The expiry that stops mail: the client secret's, or the certificate's for a certificate credential. */
export const ExpiryCell = ({ credential, now }: { credential: CredentialView; now: Date }) => {
  if (credential.provider === GOOGLE_WORKSPACE) return <ServiceAccountKeyCell credential={credential} />;
  if (credential.clientAuthMethod === 'certificate') {
    const certificate = credential.certificate;
    if (!certificate || !credential.hasPrivateKey) {
      return <span className="im-lozenge im-lozenge--danger">No certificate</span>;
    }
    return (
      <span className="im-cell-stack">
        <ExpiryLine what="Certificate" date={certificate.notAfter} expiry={expiryOf(certificate.notAfter, now)} />
      </span>
    );
  }
  if (!credential.hasSecret) return <span className="im-lozenge im-lozenge--danger">No secret</span>;
  return (
    <span className="im-cell-stack">
      {credential.secretExpiresOn ? (
        <ExpiryLine
          what="Secret"
          date={credential.secretExpiresOn}
          expiry={expiryOf(credential.secretExpiresOn, now)}
        />
      ) : (
        <span className="im-secondary">No expiry date recorded</span>
      )}
      {credential.hasNextSecret && (
        <span className="im-secondary">
          Next secret set
          {credential.nextSecretExpiresOn ? ` (expires ${formatDate(credential.nextSecretExpiresOn)})` : ''}
        </span>
      )}
    </span>
  );
};
