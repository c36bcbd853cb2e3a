import { AssertionErrors } from './assertion-errors';
import type { CertificateKeys } from './certificate-keys';
import { checkClientAssertion, JWT_BEARER_ASSERTION_TYPE } from './client-assertion';
import type { ClientAuthentication } from './jwt-issuer';
import { AAD_GRAPH_APP_ID, type KnownResource, knownResource } from './resources';
import { TenantDirectory } from './tenant-directory';
import { type AadstsError, TokenErrors } from './token-errors';
import type { EmulatedApp, EmulatedTenant } from './types';

export type TokenEndpointVersion = 'v1' | 'v2';

export interface ClientCredentialsRequest {
  version: TokenEndpointVersion;
  /** The `{tenant}` path segment as sent. */
  tenantSegment: string;
  /** The form body; empty when the body was not form-encoded (Entra then sees no parameters at all). */
  form: URLSearchParams;
  /** Client id and secret from an `Authorization: Basic` header. */
  basic: { clientId: string; clientSecret: string } | undefined;
  now: Date;
  /** The login listener's base URL: a client assertion's `aud` must name this token endpoint. */
  loginBaseUrl: string;
}

export type ClientCredentialsOutcome =
  | { ok: false; error: AadstsError }
  | {
      ok: true;
      tenant: EmulatedTenant;
      app: EmulatedApp;
      resource: KnownResource;
      /** What the v1 endpoint echoes in `resource`. */
      requestedResource: string;
      /** The app's granted application permissions, or undefined without admin consent. */
      roles: string[] | undefined;
      clientAuthentication: ClientAuthentication;
    };

const DEFAULT_SUFFIX = '/.default';

const param = (form: URLSearchParams, name: string): string | undefined => {
  const value = form.get(name);
  return value === null || value.trim() === '' ? undefined : value;
};

const fail = (error: AadstsError): ClientCredentialsOutcome => ({ ok: false, error });

/**
 * Runs the client credentials checks in the order Entra reports them: parameters, tenant, app, credential
 * (client secret or certificate assertion), then scope (v2) or resource (v1).
 */
export const checkClientCredentials = async (
  directory: TenantDirectory,
  keys: CertificateKeys,
  request: ClientCredentialsRequest,
): Promise<ClientCredentialsOutcome> => {
  const { form, basic } = request;
  const grantType = param(form, 'grant_type');
  if (grantType === undefined) return fail(TokenErrors.missingParameter('grant_type'));
  if (grantType !== 'client_credentials') return fail(TokenErrors.unsupportedGrantType(grantType));

  const clientId = param(form, 'client_id') ?? basic?.clientId;
  if (clientId === undefined || clientId.trim() === '') return fail(TokenErrors.missingParameter('client_id'));
  const scope = param(form, 'scope');
  if (request.version === 'v2' && scope === undefined) return fail(TokenErrors.missingParameter('scope'));

  const client = await authenticateClient(directory, keys, request, clientId, false);
  if (!client.ok) return fail(client.error);
  const { tenant, app, clientAuthentication } = client;

  const resolved =
    request.version === 'v2' ? resourceFromScope(scope ?? '', tenant) : resourceFromParameter(form, tenant);
  if (!resolved.ok) return fail(resolved.error);

  const grantsRoles =
    resolved.resource.kind === 'graph' && app.adminConsentGranted && app.applicationPermissions.length > 0;
  return {
    ok: true,
    tenant,
    app,
    resource: resolved.resource,
    requestedResource: resolved.requested,
    roles: grantsRoles ? [...app.applicationPermissions] : undefined,
    clientAuthentication,
  };
};

export type AuthenticatedClient =
  | { ok: true; tenant: EmulatedTenant; app: EmulatedApp; clientAuthentication: ClientAuthentication }
  | { ok: false; error: AadstsError };

/**
 * Tenant, app and credential (client secret or certificate assertion) of a token request. With `aliasFindsApp`
 * a multi-tenant alias (/common, /organizations) names the directory that registers the app, as user flows
 * allow; client credentials cannot use one.
 */
export const authenticateClient = async (
  directory: TenantDirectory,
  keys: CertificateKeys,
  request: ClientCredentialsRequest,
  clientId: string,
  aliasFindsApp: boolean,
): Promise<AuthenticatedClient> => {
  const lookup = directory.lookup(request.tenantSegment);
  if (lookup.kind === 'alias' && !aliasFindsApp) return { ok: false, error: TokenErrors.noTenantInformation() };
  if (lookup.kind === 'malformed') return { ok: false, error: TokenErrors.malformedTenant(request.tenantSegment) };
  if (lookup.kind === 'unknown') return { ok: false, error: TokenErrors.tenantNotFound(request.tenantSegment) };
  const tenant = lookup.kind === 'found' ? lookup.tenant : directory.tenantOfApp(clientId);
  const app = tenant === undefined ? undefined : TenantDirectory.app(tenant, clientId);
  if (tenant === undefined || app === undefined)
    return { ok: false, error: TokenErrors.appNotFound(clientId, tenant?.displayName ?? request.tenantSegment) };

  const credentialError = await checkCredential(keys, request, tenant, app);
  if (credentialError !== undefined) return { ok: false, error: credentialError };
  const clientAuthentication: ClientAuthentication =
    param(request.form, 'client_assertion') === undefined ? 'client_secret' : 'certificate';
  return { ok: true, tenant, app, clientAuthentication };
};

/** The client secret or the certificate assertion the request authenticates with. */
const checkCredential = async (
  keys: CertificateKeys,
  request: ClientCredentialsRequest,
  tenant: EmulatedTenant,
  app: EmulatedApp,
): Promise<AadstsError | undefined> => {
  const { form, basic } = request;
  const assertion = param(form, 'client_assertion');
  const secret = param(form, 'client_secret') ?? basic?.clientSecret;
  if (assertion !== undefined) {
    if (secret !== undefined && secret !== '') return AssertionErrors.bothCredentials();
    // An unknown assertion type leaves the request without a usable one: Entra's text for that is not on record.
    if (param(form, 'client_assertion_type') !== JWT_BEARER_ASSERTION_TYPE)
      return TokenErrors.missingParameter('client_assertion_type');
    const endpoint = request.version === 'v2' ? 'oauth2/v2.0/token' : 'oauth2/token';
    // A user grant sent to /common or /organizations names that endpoint in its assertion's `aud`.
    const names = [tenant.id, ...tenant.domains, request.tenantSegment];
    const audiences = [...new Set(names)].map((name) => `${request.loginBaseUrl}/${name}/${endpoint}`);
    return checkClientAssertion({ assertion, tenant, app, audiences, now: request.now, keys });
  }
  if (secret === undefined || secret === '') return TokenErrors.noCredential();
  // A pasted Secret ID matches no value, which is why Entra's text warns about it.
  const matched = app.secrets.find((candidate) => candidate.value === secret);
  if (matched === undefined) return TokenErrors.invalidSecret(app.clientId);
  if (Date.parse(matched.expiresOn) <= request.now.getTime()) return TokenErrors.expiredSecret(app.clientId);
  return undefined;
};

type Resolved = { ok: true; resource: KnownResource; requested: string } | { ok: false; error: AadstsError };

const resourceFromScope = (scope: string, tenant: EmulatedTenant): Resolved => {
  const parts = scope.trim().split(/\s+/);
  if (parts.some((part) => part.toLowerCase() === '.default'))
    return { ok: false, error: TokenErrors.invalidScope(scope) };
  if (parts.some((part) => !part.toLowerCase().endsWith(DEFAULT_SUFFIX))) {
    return { ok: false, error: TokenErrors.scopeWithoutDefault(scope) };
  }
  const resources = [...new Set(parts.map((part) => part.slice(0, -DEFAULT_SUFFIX.length)))];
  const [resource] = resources;
  // One token serves one resource: several /.default scopes cannot be combined.
  if (resources.length !== 1 || resource === undefined || resource === '')
    return { ok: false, error: TokenErrors.invalidScope(scope) };
  const known = knownResource(resource);
  if (known === undefined) return { ok: false, error: TokenErrors.resourceNotFound(resource, tenant.displayName) };
  return { ok: true, resource: known, requested: resource };
};

const resourceFromParameter = (form: URLSearchParams, tenant: EmulatedTenant): Resolved => {
  // The v1 endpoint ignores `scope`; without `resource` it issues a token for Azure AD Graph, which
  // Microsoft Graph then refuses (invalid audience), the classic symptom of a v1 URL.
  const resource = param(form, 'resource') ?? AAD_GRAPH_APP_ID;
  const known = knownResource(resource);
  if (known === undefined) return { ok: false, error: TokenErrors.resourceNotFound(resource, tenant.displayName) };
  return { ok: true, resource: known, requested: resource };
};
