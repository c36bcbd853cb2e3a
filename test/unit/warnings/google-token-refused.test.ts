import { googleCredentialInputSchema } from '../../../src/contract/google-workspace';
import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import type { StoredCredential } from '../../../src/credentials/stored-credential';
import { GoogleTokenError, GoogleTokenErrorCode } from '../../../src/providers/google/errors';
import { planGoogleSave } from '../../../src/providers/google-credential-save';
import { googleTokenRefusal } from '../../../src/providers/words';
import { createWarningService, type WarningService } from '../../../src/warnings/warning-service';
import { createWarningStore } from '../../../src/warnings/warning-store';
import { sequentialIds } from '../support/credentials';
import { GOOGLE_KEY, googlePayload } from '../support/google-credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

const START = Date.parse('2026-04-01T06:00:00Z');

const setup = async () => {
  const kv = new MemoryKvStore();
  let now = START;
  const clock = () => now;
  const store = createCredentialStore(kv);
  const credentials = createCredentialService({ store, now: clock, newId: sequentialIds(), env: {}, planGoogleSave });
  await credentials.saveGoogle(googleCredentialInputSchema.parse(googlePayload({ incomingMail: false })));
  const warnings = createWarningService({
    store: createWarningStore(kv),
    listCredentials: () => store.list(),
    now: clock,
  });
  return { kv, credentials, warnings, advance: (ms: number) => void (now += ms) };
};

const refused = (code: GoogleTokenErrorCode) => new GoogleTokenError(code, 'POST oauth2.googleapis.com/token refused');

/** As sending reports it (composition/mail-service.ts): the refusal in Google's words, from providers/. */
const recordRefused = (warnings: WarningService, credential: StoredCredential, error: GoogleTokenError) =>
  warnings.recordServiceTokenRefused(credential, googleTokenRefusal(credential, error));

describe('a Google token refused while sending', () => {
  it('is recorded once as an error with guidance in Google terms, until the credential changes', async () => {
    const { kv, credentials, warnings, advance } = await setup();
    const credential = await credentials.get('cred-1');

    await recordRefused(warnings, credential, refused(GoogleTokenErrorCode.DelegationMissing));
    kv.resetOperations();
    advance(1000);
    await recordRefused(warnings, credential, refused(GoogleTokenErrorCode.DelegationMissing));
    expect(kv.count('set')).toBe(0);

    await expect(warnings.list()).resolves.toEqual({
      warnings: [
        {
          credentialId: 'cred-1',
          credentialName: 'Workspace mailbox',
          kind: 'token-refused',
          severity: 'error',
          message:
            "Mail could not go out: Google refused Issue Mailer's token request. Google says the service account is " +
            'not allowed to act for this mailbox (unauthorized_client). In Google Admin console > Security > Access ' +
            'and data control > API controls > Manage Domain Wide Delegation, add the numeric Client ID ' +
            "112233445566778899001 (not the service account's email) with the OAuth scopes " +
            'https://www.googleapis.com/auth/gmail.send; if the client is already listed, edit it so every one of ' +
            'these scopes is there. Changes there usually apply within minutes but can take up to 24 hours.',
          recordedAt: '2026-04-01T06:00:00.000Z',
        },
      ],
    });

    advance(1000);
    await credentials.saveGoogle(
      googleCredentialInputSchema.parse(
        googlePayload({ id: 'cred-1', serviceAccountKey: JSON.stringify(GOOGLE_KEY.file) }),
      ),
    );
    await expect(warnings.list()).resolves.toEqual({ warnings: [] });
  });

  it.each([
    GoogleTokenErrorCode.EndpointUnreachable,
    GoogleTokenErrorCode.EndpointTimeout,
    GoogleTokenErrorCode.EndpointError,
  ])('is not recorded for %s, which says nothing about the credential', async (code) => {
    const { kv, credentials, warnings } = await setup();
    kv.resetOperations();
    await recordRefused(warnings, await credentials.get('cred-1'), refused(code));
    expect(kv.count('set')).toBe(0);
    await expect(warnings.list()).resolves.toEqual({ warnings: [] });
  });

  it('replaces an earlier refusal of another kind', async () => {
    const { credentials, warnings, advance } = await setup();
    const credential = await credentials.get('cred-1');
    await recordRefused(warnings, credential, refused(GoogleTokenErrorCode.DelegationMissing));
    advance(1000);
    await recordRefused(warnings, credential, refused(GoogleTokenErrorCode.UserUnknown));
    const { warnings: listed } = await warnings.list();
    expect(listed.map((warning) => [warning.kind, warning.recordedAt])).toEqual([
      ['token-refused', '2026-04-01T06:00:01.000Z'],
    ]);
    expect(listed[0]?.message).toContain('The mailbox support@example-google.test is not an active user');
  });
});
