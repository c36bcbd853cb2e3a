import { REQUIRED_PERMISSIONS } from '../../../../src/contract';

/**
 * What an admin does in Microsoft Entra before filling the form; the usual mistakes are called out. Open while
 * there is no credential yet, folded away after.
 */
export const SetupHint = ({ open }: { open: boolean }) => (
  <details className="im-setup" open={open}>
    <summary className="im-setup__title">Before you start: register an app in Microsoft Entra</summary>
    <ol className="im-setup__steps">
      <li>
        In the Microsoft Entra admin center, open <strong>App registrations &gt; New registration</strong> and register
        an app (single tenant). Copy the <strong>Application (client) ID</strong> from its Overview page.
      </li>
      <li>
        Under <strong>API permissions</strong>, add the Microsoft Graph <strong>application</strong> permissions{' '}
        {REQUIRED_PERMISSIONS.map((permission, index) => (
          <span key={permission}>
            {index > 0 && (index === REQUIRED_PERMISSIONS.length - 1 ? ' and ' : ', ')}
            <code>{permission}</code>
          </span>
        ))}
        , then select <strong>Grant admin consent</strong>. Without consent, tokens carry no permissions and sending
        fails.
      </li>
      <li>
        Under <strong>Certificates &amp; secrets</strong>, upload a certificate (recommended) or add a client secret and
        copy its <strong>Value</strong> at once (it is shown only once; the <strong>Secret ID</strong> is not the
        secret). Note its expiry date.
      </li>
      <li>
        Copy the <strong>OAuth 2.0 token endpoint (v2)</strong> from Overview &gt; Endpoints. The sender mailbox must be
        a licensed Exchange Online mailbox; if an application access policy limits the app, it must include that
        mailbox.
      </li>
    </ol>
  </details>
);
