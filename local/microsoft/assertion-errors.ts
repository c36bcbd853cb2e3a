import { aadsts } from './token-errors';

/** Where Entra's client assertion errors send people. */
const CERTIFICATE_DOCS = 'https://learn.microsoft.com/entra/identity-platform/certificate-credentials';

/** `2024-10-02T22:05:03.6755165Z`: .NET's round-trip format, as AADSTS700024 writes times. */
const netTime = (date: Date): string => `${date.toISOString().slice(0, 23)}0000Z`;

/** `08/18/2024 19:33:23`: how AADSTS700027 writes a key's dates. */
const keyDate = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
};

const configuredKeysHint = (appId: string) =>
  `Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'. ` +
  'Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and ' +
  'https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, ' +
  `such as 'https://graph.microsoft.com/beta/applications/${appId}'`;

const foundKey = (startsOn: Date, expiresOn: Date) =>
  `Found key 'Start=${keyDate(startsOn)}, End=${keyDate(expiresOn)}'`;

/**
 * The token endpoint's answers to a bad client assertion. Sources, per entry: the answers MSAL.NET recorded from
 * the real service in 2023 (AzureAD/microsoft-authentication-library-for-dotnet,
 * tests/Microsoft.Identity.Test.Common/Core/Mocks/MockHelpers.cs: status words and texts), the Azure SDK
 * troubleshooting guides (700023), and error texts quoted in public issues (700027 reasons). The fixture's
 * `bad_assertion_signature_700027` text ("Client assertion failed signature validation.") is the summary of
 * Microsoft's error code table; the service itself says which reason applied, as below.
 */
export const AssertionErrors = {
  // MockHelpers.SendTenantIdInCredentialValueError50027.
  malformed: () => aadsts(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.'),
  // MockHelpers.BadCredBadAlgError5002738 (the service lists RS algorithms, though it also takes the PS256 its docs ask for).
  unsupportedAlgorithm: (alg: string) =>
    aadsts(
      401,
      'invalid_client',
      5002738,
      `Invalid JWT token. '${alg}' is not a supported signature algorithm. Supported signing algorithms are: 'RS256,RS384,RS512'`,
    ),
  // MockHelpers.BadCredMissingSha1Error5002723.
  noThumbprint: () =>
    aadsts(
      401,
      'invalid_client',
      5002723,
      'Invalid JWT token. No certificate SHA-1 thumbprint, certificate SHA-256 thumbprint, nor keyId specified in token header.',
    ),
  // MockHelpers.BadCredNoIssError90014 and BadCredNoAudError90014 (recorded for 'iss' and 'aud'; the same text for 'sub' and 'jti').
  missingClaim: (name: string) =>
    aadsts(
      400,
      'invalid_request',
      90014,
      `The required field '${name}' is missing from the credential. Ensure that you have all the necessary parameters for the login request.`,
    ),
  // MockHelpers.IdentifierMismatchError700021: `iss` or `sub` is not the client_id.
  wrongIssuer: () =>
    aadsts(
      401,
      'invalid_client',
      700021,
      `Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at ${CERTIFICATE_DOCS} .`,
    ),
  // Azure SDK for Java/.NET/Python TROUBLESHOOTING.md (ClientAssertionCredential): `aud` is not this token endpoint.
  wrongAudience: () =>
    aadsts(
      401,
      'invalid_client',
      700023,
      `Client assertion audience claim does not match Realm issuer. Review the documentation at ${CERTIFICATE_DOCS} .`,
    ),
  // MockHelpers.BadTimeRangeError700024; a missing nbf or exp is written as 1970-01-01 as there.
  outsideTimeRange: (now: Date, validFrom: Date, expiry: Date) =>
    aadsts(
      401,
      'invalid_client',
      700024,
      `Client assertion is not within its valid time range. Current time: ${netTime(now)}, assertion valid from ${netTime(validFrom)}, ` +
        `expiry time of assertion ${netTime(expiry)}. Review the documentation at ${CERTIFICATE_DOCS} .`,
    ),
  // Azure/azure-sdk-for-net #29007 (2022): the header names no certificate registered on the app.
  keyNotFound: (thumbprint: string, appId: string) =>
    aadsts(
      401,
      'invalid_client',
      700027,
      `Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', ` +
        `${configuredKeysHint(appId)}]. Alternatively, SNI may be configured on the app. Please ensure that client assertion is being sent ` +
        "with the x5c claim in the JWT header using MSAL's WithSendX5C() method so that Azure Active Directory can validate the certificate being used.",
    ),
  // Reported for expired certificates (Azure Site Recovery and Azure Stack HCI troubleshooting guides, 2021-2023).
  keyExpired: (thumbprint: string, startsOn: Date, expiresOn: Date) =>
    aadsts(
      401,
      'invalid_client',
      700027,
      `Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: '${thumbprint}', ${foundKey(startsOn, expiresOn)}]`,
    ),
  // microsoftgraph/msgraph-sdk-php #1585 (2024): the certificate is registered, the signature is not by its key.
  badSignature: (thumbprint: string, startsOn: Date, expiresOn: Date, appId: string) =>
    aadsts(
      401,
      'invalid_client',
      700027,
      `Client assertion contains an invalid signature. [Reason - Key was found, but use of the key to verify the signature failed., ` +
        `Thumbprint of key used by client: '${thumbprint}', ${foundKey(startsOn, expiresOn)}, ${configuredKeysHint(appId)}]`,
    ),
  // Emulator text: Entra's answer to a request carrying both a client secret and a client assertion is not on
  // record. RFC 6749 section 5.2 calls a second client authentication method invalid_request, and AADSTS90100
  // (InvalidRequestParameter) is Entra's documented code for a parameter it does not accept.
  bothCredentials: () =>
    aadsts(
      400,
      'invalid_request',
      90100,
      "The request must not contain both 'client_secret' and 'client_assertion'; send one client credential.",
    ),
} as const;
