import { KNOWN_AADSTS_CODES, tokenErrorCodeForAadsts, tokenErrorGuidance } from '../../../src/oauth/aadsts-guidance';
import { TokenError, TokenErrorCode } from '../../../src/oauth/errors';
import { tokenFixtures } from '../support/fixtures';

const guidanceFor = (aadstsCode: number | undefined, oauthError?: string): string =>
  tokenErrorGuidance(
    new TokenError(tokenErrorCodeForAadsts(aadstsCode), 'x', {
      ...(aadstsCode === undefined ? {} : { aadstsCode }),
      ...(oauthError === undefined ? {} : { oauthError }),
    }),
  );

describe('AADSTS guidance', () => {
  const fixtureCodes = tokenFixtures
    .filter(([name]) => name !== 'success')
    .map(([, entry]) => (entry.body as { error_codes: number[] }).error_codes[0] as number);

  it("has guidance for every AADSTS code in the fixtures, and for the emulator's other tenant and assertion errors", () => {
    expect(KNOWN_AADSTS_CODES.slice().sort()).toEqual([...fixtureCodes, 50059, 900023, 700024].sort());
  });

  it('gives every known AADSTS code guidance of its own', () => {
    const texts = KNOWN_AADSTS_CODES.map((code) => guidanceFor(code));
    expect(new Set(texts).size).toBe(KNOWN_AADSTS_CODES.length);
  });

  it("reports Microsoft's word on an expired secret, never the typed date, and says plainly when that date is wrong", () => {
    const error = new TokenError(tokenErrorCodeForAadsts(7000222), 'x', { aadstsCode: 7000222 });
    const now = Date.parse('2026-06-15T10:00:00Z');
    const microsoftSays =
      'Microsoft says this secret has expired (AADSTS7000222). In Microsoft Entra admin center > App registrations > ' +
      'your app > Certificates & secrets, create a new client secret, paste its Value here and update the expiry date.';
    // The form says the secret still works: the form is wrong, and the answer says so.
    expect(tokenErrorGuidance(error, { secretExpiresOn: '2026-12-25', now })).toBe(
      `${microsoftSays} The expiry date typed on the form for this credential is wrong: it says the secret is still valid. When you paste ` +
        "the new secret's Value, also update the date to the one Certificates & secrets shows for it.",
    );
    // A typed date already past, today's (Microsoft's expiry may fall early in it), or none: Microsoft's word only.
    expect(tokenErrorGuidance(error, { secretExpiresOn: '2026-05-01', now })).toBe(microsoftSays);
    expect(tokenErrorGuidance(error, { secretExpiresOn: '2026-06-15', now })).toBe(microsoftSays);
    expect(tokenErrorGuidance(error, {})).toBe(microsoftSays);
    for (const date of ['2026-12-25', '2026-05-01']) {
      expect(tokenErrorGuidance(error, { secretExpiresOn: date, now })).not.toContain(date);
    }
  });

  it.each([
    [
      7000215,
      TokenErrorCode.InvalidClientSecret,
      ['AADSTS7000215', "the secret's Value, not its Secret ID", 'Certificates & secrets'],
    ],
    [
      7000222,
      TokenErrorCode.ClientSecretExpired,
      ['AADSTS7000222', 'expired', 'create a new client secret', 'Certificates & secrets'],
    ],
    [700016, TokenErrorCode.AppNotFound, ['AADSTS700016', 'Application (client) ID', 'tenant']],
    [
      90002,
      TokenErrorCode.TenantNotFound,
      ['AADSTS90002', 'tenant named in the token endpoint URL', '/oauth2/v2.0/token'],
    ],
    [70011, TokenErrorCode.InvalidScope, ['AADSTS70011', 'https://graph.microsoft.com/.default']],
    [1002012, TokenErrorCode.InvalidScope, ['AADSTS1002012', 'https://graph.microsoft.com/.default']],
    [500011, TokenErrorCode.InvalidScope, ['AADSTS500011', 'https://graph.microsoft.com/.default']],
    [7000218, TokenErrorCode.NoClientCredential, ['AADSTS7000218', 'no client secret']],
    [900144, TokenErrorCode.Rejected, ['AADSTS900144', 'lacked a parameter']],
    [700027, TokenErrorCode.InvalidClientAssertion, ['AADSTS700027', 'certificate', 'private key belongs to it']],
    [700024, TokenErrorCode.InvalidClientAssertion, ['AADSTS700024', 'valid time range']],
    [50059, TokenErrorCode.TenantNotFound, ['AADSTS50059', 'names no tenant', '/oauth2/v2.0/token']],
    [900023, TokenErrorCode.TenantNotFound, ['AADSTS900023', 'neither a tenant ID nor a domain']],
  ] as const)('AADSTS%i -> %s with guidance naming the fix', (aadsts, code, phrases) => {
    expect(tokenErrorCodeForAadsts(aadsts)).toBe(code);
    const guidance = guidanceFor(aadsts);
    for (const phrase of phrases) expect(guidance).toContain(phrase);
    expect(guidance).not.toContain('{code}');
  });

  it('gives the exact wrong-secret guidance', () => {
    expect(guidanceFor(7000215)).toBe(
      "Microsoft says the client secret is wrong (AADSTS7000215). Paste the secret's Value, not its Secret ID. " +
        'The Value is shown in Microsoft Entra admin center > App registrations > your app > Certificates & secrets ' +
        'only right after the secret is created; if you no longer have it, create a new client secret there and copy its Value.',
    );
  });

  it('names an unknown AADSTS code honestly and nothing else of the answer', () => {
    expect(tokenErrorCodeForAadsts(50126)).toBe('TOKEN_REJECTED');
    expect(guidanceFor(50126)).toBe(
      "Microsoft refused to issue a token (AADSTS50126). Look AADSTS50126 up in Microsoft's AADSTS error code " +
        'reference, fix the app registration, then test the connection again.',
    );
  });

  it('falls back to the OAuth error value when there is no AADSTS code', () => {
    expect(guidanceFor(undefined, 'unsupported_grant_type')).toBe(
      'The token endpoint refused the request (error "unsupported_grant_type"). Check the client ID, client secret, ' +
        'scope and token endpoint URL, then test the connection again.',
    );
  });

  it.each([
    [TokenErrorCode.EndpointUnreachable, 'Could not reach the token endpoint.'],
    [TokenErrorCode.EndpointTimeout, 'The token endpoint did not answer in time.'],
    [TokenErrorCode.EndpointError, "Microsoft's sign-in service answered with a server error."],
    [TokenErrorCode.ResponseInvalid, 'The token endpoint did not answer like the Microsoft identity platform.'],
    [
      TokenErrorCode.EndpointNotAllowed,
      "Issue Mailer gets tokens only from Microsoft's sign-in hosts (login.microsoftonline.com, or your national cloud's).",
    ],
    [TokenErrorCode.ClientAssertionFailed, "Issue Mailer could not sign in with the certificate's private key."],
  ])('%s has its own fixed guidance', (code, start) => {
    expect(tokenErrorGuidance(new TokenError(code, 'x', { aadstsCode: 123 }))).toMatch(
      new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });
});
