/** What an admin does in Microsoft Entra before filling the form; the usual mistakes are called out. */
export function SetupHint() {
  return (
    <section className="im-setup" aria-labelledby="setup-title">
      <h2 className="im-setup__title" id="setup-title">
        Before you start: register an app in Microsoft Entra
      </h2>
      <ol className="im-setup__steps">
        <li>
          In the Microsoft Entra admin center, open <strong>App registrations &gt; New registration</strong> and
          register an app (single tenant). Copy the <strong>Application (client) ID</strong> from its Overview page.
        </li>
        <li>
          Under <strong>API permissions</strong>, add the Microsoft Graph <strong>application</strong> permission{' '}
          <code>Mail.Send</code>, then select <strong>Grant admin consent</strong>. Without consent, tokens carry
          no permissions and sending fails.
        </li>
        <li>
          Under <strong>Certificates &amp; secrets &gt; Client secrets</strong>, add a secret and copy its{' '}
          <strong>Value</strong> at once (it is shown only once). The <strong>Secret ID</strong> is not the secret.
          Note its expiry date.
        </li>
        <li>
          Copy the <strong>OAuth 2.0 token endpoint (v2)</strong> from Overview &gt; Endpoints. The sender mailbox
          must be a licensed Exchange Online mailbox; an application access policy can limit the app to it.
        </li>
      </ol>
    </section>
  );
}
