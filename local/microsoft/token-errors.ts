import { aadTimestamp } from './ids';

/** One AADSTS answer of the token endpoint: HTTP status, OAuth `error`, AADSTS number and its text. */
export interface AadstsError {
  status: number;
  error: string;
  code: number;
  message: string;
}

export const aadsts = (status: number, error: string, code: number, message: string): AadstsError => ({
  status,
  error,
  code,
  message,
});

/**
 * The token endpoint's errors, texts as Microsoft writes them (see emulator-fixtures.json; the others are from
 * public reports of the real service, named per entry).
 */
export const TokenErrors = {
  missingParameter: (name: string) =>
    aadsts(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  // Public reports (e.g. MSAL.NET #3023): AADSTS70003 for a grant type the endpoint does not know.
  unsupportedGrantType: (grantType: string) =>
    aadsts(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`),
  // Public reports (azure-docs #24064): client credentials sent to /common cannot pick a directory.
  noTenantInformation: () =>
    aadsts(
      400,
      'invalid_request',
      50059,
      'No tenant-identifying information found in either the request or implied by any provided credentials.',
    ),
  // Public reports (azure-docs #100978).
  malformedTenant: (tenant: string) =>
    aadsts(
      400,
      'invalid_request',
      900023,
      `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`,
    ),
  tenantNotFound: (tenant: string) =>
    aadsts(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  appNotFound: (appId: string, tenantName: string) =>
    aadsts(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${appId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  noCredential: () =>
    aadsts(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    ),
  invalidSecret: (appId: string) =>
    aadsts(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
    ),
  // Microsoft's error reference (https://learn.microsoft.com/entra/identity-platform/reference-error-codes,
  // AADSTS7000222 InvalidClientSecretExpiredKeysProvided) and the real service's answers in public CI logs: the text
  // names the app, never the secret or when it expired; the only date in the answer is its own Timestamp.
  expiredSecret: (appId: string) =>
    aadsts(
      401,
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
    ),
  scopeWithoutDefault: (scope: string) =>
    aadsts(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  invalidScope: (scope: string) =>
    aadsts(
      400,
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
    ),
  resourceNotFound: (resource: string, tenantName: string) =>
    aadsts(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  // Public reports of the real endpoint (e.g. oidc-debugger #87).
  methodNotAllowed: (method: string) =>
    aadsts(
      400,
      'invalid_request',
      900561,
      `The endpoint only accepts POST, OPTIONS requests. Received a ${method} request.`,
    ),
  // Public reports (azure-sdk-for-python #14241): the 503 Entra answers during an outage.
  temporarilyUnavailable: () =>
    aadsts(503, 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.'),
} as const;

export interface AadstsErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

/** The JSON body Entra sends with an AADSTS error, trace lines included in error_description. */
export const aadstsErrorBody = (
  err: AadstsError,
  ids: { traceId: string; correlationId: string },
  now: Date,
): AadstsErrorBody => {
  const timestamp = aadTimestamp(now);
  return {
    error: err.error,
    error_description: `AADSTS${err.code}: ${err.message}\r\nTrace ID: ${ids.traceId}\r\nCorrelation ID: ${ids.correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [err.code],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${err.code}`,
  };
};
