import { type TokenError, TokenErrorCode } from './errors';

const DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
const SECRETS_PAGE = 'Microsoft Entra admin center > App registrations > your app > Certificates & secrets';
const TOKEN_ENDPOINT_SHAPE = 'https://login.microsoftonline.com/<tenant ID>/oauth2/v2.0/token';

interface AadstsEntry {
  code: TokenErrorCode;
  /** What an admin should do, in the admin's words. `{code}` is replaced by AADSTS and the number. */
  guidance: string;
}

/** Microsoft's AADSTS numbers this app knows, each with the fix an admin needs (texts: Microsoft's error reference). */
const AADSTS: Readonly<Record<number, AadstsEntry>> = {
  7000215: {
    code: TokenErrorCode.InvalidClientSecret,
    guidance:
      `Microsoft says the client secret is wrong ({code}). Paste the secret's Value, not its Secret ID. ` +
      `The Value is shown in ${SECRETS_PAGE} only right after the secret is created; if you no longer have it, ` +
      'create a new client secret there and copy its Value.',
  },
  7000222: {
    code: TokenErrorCode.ClientSecretExpired,
    guidance:
      `Microsoft says this secret has expired ({code}). In ${SECRETS_PAGE}, create a new client secret, paste its ` +
      'Value here and update the expiry date.',
  },
  700016: {
    code: TokenErrorCode.AppNotFound,
    guidance:
      'Microsoft cannot find an app with this client ID in the tenant ({code}). Check that the Application ' +
      "(client) ID matches the app registration's Overview page, and that the token endpoint URL names the " +
      'tenant the app is registered in.',
  },
  90002: {
    code: TokenErrorCode.TenantNotFound,
    guidance:
      'Microsoft cannot find the tenant named in the token endpoint URL ({code}). Copy the OAuth 2.0 token ' +
      `endpoint (v2) from the app registration's Overview > Endpoints; it looks like ${TOKEN_ENDPOINT_SHAPE}.`,
  },
  70011: {
    code: TokenErrorCode.InvalidScope,
    guidance: `Microsoft refused the scope ({code}). The client credentials grant needs a .default scope: use ${DEFAULT_SCOPE}.`,
  },
  1002012: {
    code: TokenErrorCode.InvalidScope,
    guidance:
      `Microsoft refused the scope ({code}): client credentials need the resource's .default scope, not single ` +
      `permissions. Use ${DEFAULT_SCOPE}.`,
  },
  500011: {
    code: TokenErrorCode.InvalidScope,
    guidance:
      'Microsoft cannot find the resource the scope names in your tenant ({code}). Check the scope for typos; ' +
      `for Microsoft Graph it is ${DEFAULT_SCOPE}.`,
  },
  7000218: {
    code: TokenErrorCode.NoClientCredential,
    guidance:
      "Microsoft received no client secret ({code}). Edit the credential, paste the client secret's Value and save.",
  },
  900144: {
    code: TokenErrorCode.Rejected,
    guidance:
      'The token request lacked a parameter Microsoft requires ({code}). Check that the client ID, scope and ' +
      'client secret are all filled in, then test the connection again.',
  },
  700027: {
    code: TokenErrorCode.InvalidClientAssertion,
    guidance:
      "Microsoft could not validate the app's signed client assertion ({code}). Check that the certificate pasted " +
      `here is the one uploaded to ${SECRETS_PAGE} > Certificates, and that the private key belongs to it. For a ` +
      'client secret credential, choose "Client secret" and paste the secret\'s Value.',
  },
  700024: {
    code: TokenErrorCode.InvalidClientAssertion,
    guidance:
      'Microsoft refused the signed client assertion as outside its valid time range ({code}). This follows a ' +
      'wrong clock; try again in a few minutes, and if it keeps happening contact Issue Mailer support.',
  },
  50059: {
    code: TokenErrorCode.TenantNotFound,
    guidance:
      'The token endpoint URL names no tenant Microsoft can use ({code}). Copy the OAuth 2.0 token endpoint (v2) ' +
      `from the app registration's Overview > Endpoints; it names your tenant: ${TOKEN_ENDPOINT_SHAPE}.`,
  },
  900023: {
    code: TokenErrorCode.TenantNotFound,
    guidance:
      'The tenant in the token endpoint URL is neither a tenant ID nor a domain ({code}). Copy the OAuth 2.0 token ' +
      `endpoint (v2) from the app registration's Overview > Endpoints; it looks like ${TOKEN_ENDPOINT_SHAPE}.`,
  },
};

/** What the credential says about itself that makes the guidance exact. */
export interface GuidanceContext {
  /** The "Secret expires on" date the admin typed for the refused secret, YYYY-MM-DD. */
  secretExpiresOn?: string | undefined;
  /** Now, in ms since the epoch: whether the typed date has passed. */
  now?: number | undefined;
}

/** The AADSTS numbers with their own guidance. */
export const KNOWN_AADSTS_CODES: readonly number[] = Object.keys(AADSTS).map(Number);

export const tokenErrorCodeForAadsts = (aadstsCode: number | undefined): TokenErrorCode =>
  (aadstsCode === undefined ? undefined : AADSTS[aadstsCode]?.code) ?? TokenErrorCode.Rejected;

const FIXED: Readonly<Partial<Record<TokenErrorCode, string>>> = {
  [TokenErrorCode.EndpointUnreachable]:
    "Could not reach the token endpoint. Check the token endpoint URL; if it is right, Microsoft's sign-in " +
    'service may be unavailable, so try again in a few minutes.',
  [TokenErrorCode.EndpointTimeout]: 'The token endpoint did not answer in time. Try again in a few minutes.',
  [TokenErrorCode.EndpointError]:
    "Microsoft's sign-in service answered with a server error. Try again in a few minutes.",
  [TokenErrorCode.ResponseInvalid]:
    'The token endpoint did not answer like the Microsoft identity platform. Check the token endpoint URL: copy ' +
    `the OAuth 2.0 token endpoint (v2) from the app registration's Overview > Endpoints (${TOKEN_ENDPOINT_SHAPE}).`,
  [TokenErrorCode.EndpointNotAllowed]:
    "Issue Mailer gets tokens only from Microsoft's sign-in hosts (login.microsoftonline.com, or your national " +
    "cloud's). Use the OAuth 2.0 token endpoint (v2) from the app registration's Overview > Endpoints " +
    `(${TOKEN_ENDPOINT_SHAPE}).`,
  [TokenErrorCode.ClientAssertionFailed]:
    "Issue Mailer could not sign in with the certificate's private key. Edit the credential, paste the certificate " +
    'and its private key (PEM, without a passphrase) again and save.',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the date typed on the form still calls the secret valid. A typed date works through its last day (as the
 * admin page counts it), and the secret's real expiry can fall anywhere in that day, so only a date after today
 * contradicts Microsoft.
 */
export const typedDateSaysValid = (typed: string | undefined, now: number | undefined): boolean => {
  if (typed === undefined || now === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(typed)) return false;
  const day = Date.parse(`${typed}T00:00:00Z`);
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return !Number.isNaN(day) && day > today;
};

const TYPED_DATE_WRONG =
  ' The expiry date typed on the form for this credential is wrong: it says the secret is still valid. When you ' +
  "paste the new secret's Value, also update the date to the one Certificates & secrets shows for it.";

/**
 * AADSTS7000222 says what Microsoft knows: the secret has expired. Its answer (error reference:
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes, "InvalidClientSecretExpiredKeysProvided")
 * carries no expiry date, only the time of the answer, so no date is reported: the one typed on the form is the
 * admin's own note and may be wrong. When it contradicts Microsoft, the guidance says so plainly.
 */
const expiredGuidance = (entry: AadstsEntry, context: GuidanceContext): string =>
  entry.guidance.replace('{code}', 'AADSTS7000222') +
  (typedDateSaysValid(context.secretExpiresOn, context.now) ? TYPED_DATE_WRONG : '');

/**
 * What to tell a Jira admin about a failed token request. Built from the AADSTS number and fixed texts only:
 * Microsoft's own description is never repeated (it carries trace ids and app names).
 */
export const tokenErrorGuidance = (error: TokenError, context: GuidanceContext = {}): string => {
  const fixed = FIXED[error.code];
  if (fixed !== undefined) return fixed;
  const aadsts = error.aadstsCode;
  if (aadsts !== undefined) {
    const entry = AADSTS[aadsts];
    const label = `AADSTS${aadsts}`;
    if (entry !== undefined && aadsts === 7000222) return expiredGuidance(entry, context);
    if (entry !== undefined) return entry.guidance.replace('{code}', label);
    return (
      `Microsoft refused to issue a token (${label}). Look ${label} up in Microsoft's AADSTS error code ` +
      'reference, fix the app registration, then test the connection again.'
    );
  }
  const oauthError = error.oauthError === undefined ? '' : ` (error "${error.oauthError}")`;
  return (
    `The token endpoint refused the request${oauthError}. Check the client ID, client secret, scope and token ` +
    'endpoint URL, then test the connection again.'
  );
};
