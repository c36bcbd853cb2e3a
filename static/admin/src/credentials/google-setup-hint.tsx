/**
 * What an admin does in Google Cloud before adding a Google Workspace credential (the service account and its key);
 * the Admin console step comes after Save, from the form's domain-wide delegation panel, which shows the values to
 * paste. Steps as https://developers.google.com/identity/protocols/oauth2/service-account describes them.
 */
export const GoogleSetupHint = () => (
  <details className="im-setup">
    <summary className="im-setup__title">Before you start with Google Workspace: a service account</summary>
    <ol className="im-setup__steps">
      <li>
        In the Google Cloud console, in a project of your organization, open{' '}
        <strong>APIs &amp; Services &gt; Library</strong> and enable the <strong>Gmail API</strong>.
      </li>
      <li>
        Open <strong>IAM &amp; Admin &gt; Service accounts</strong>, create a service account (it needs no roles), then
        under <strong>Keys &gt; Add key &gt; Create new key</strong> download a <strong>JSON</strong> key. It is the
        only copy of the private key: choose it on the form, which keeps it as a Forge secret.
      </li>
      <li>
        After saving, allow the service account&apos;s <strong>Client ID</strong> and the <strong>OAuth scopes</strong>{' '}
        the form shows in the Google Admin console&apos;s <strong>Manage Domain Wide Delegation</strong>. The mailbox
        must be a Workspace user with Gmail.
      </li>
    </ol>
  </details>
);
