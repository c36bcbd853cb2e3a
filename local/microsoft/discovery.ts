import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorContext } from './context';
import { sendJson } from './http-util';
import { clientRequestId, newGuid } from './ids';
import { aadstsErrorBody, TokenErrors } from './token-errors';

export type DiscoveryDocument = 'openid-v2' | 'openid-v1' | 'keys-v2' | 'keys-v1';

const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'max-age=86400, private',
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
};

/** The OpenID Connect metadata and signing keys, as login.microsoftonline.com publishes them per tenant. */
export const handleDiscovery = (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  tenantSegment: string,
  document: DiscoveryDocument,
): void => {
  const lookup = ctx.directory.lookup(tenantSegment);
  if (lookup.kind === 'malformed' || lookup.kind === 'unknown') {
    const err =
      lookup.kind === 'malformed'
        ? TokenErrors.malformedTenant(tenantSegment)
        : TokenErrors.tenantNotFound(tenantSegment);
    const ids = { traceId: newGuid(), correlationId: clientRequestId(req.headers['client-request-id']) ?? newGuid() };
    sendJson(res, err.status, HEADERS, aadstsErrorBody(err, ids, ctx.now()));
    return;
  }
  // The multi-tenant documents name a placeholder where a tenant document names the tenant.
  const tenantId = lookup.kind === 'found' ? lookup.tenant.id : '{tenantid}';
  // Endpoints name the tenant by id even when the document was asked for by domain.
  const pathTenant = lookup.kind === 'found' ? lookup.tenant.id : lookup.alias;
  const login = ctx.urls.login;
  // Both OpenID documents end with the same description of the cloud instance.
  const cloudInstance = {
    tenant_region_scope: lookup.kind === 'found' ? 'EU' : null,
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: new URL(ctx.urls.graph).host,
    rbac_url: 'https://pas.windows.net',
  };

  switch (document) {
    case 'keys-v2':
      sendJson(res, 200, HEADERS, {
        keys: [{ ...ctx.issuer.jwk, ...(lookup.kind === 'found' ? { issuer: `${login}/${tenantId}/v2.0` } : {}) }],
      });
      return;
    case 'keys-v1':
      sendJson(res, 200, HEADERS, { keys: [ctx.issuer.jwk] });
      return;
    case 'openid-v2':
      sendJson(res, 200, HEADERS, {
        token_endpoint: `${login}/${pathTenant}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${login}/${pathTenant}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${login}/${tenantId}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${ctx.urls.graph}/oidc/userinfo`,
        authorization_endpoint: `${login}/${pathTenant}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${login}/${pathTenant}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${login}/${pathTenant}/oauth2/v2.0/logout`,
        claims_supported: [
          'sub',
          'iss',
          'cloud_instance_name',
          'cloud_instance_host_name',
          'cloud_graph_host_name',
          'msgraph_host',
          'aud',
          'exp',
          'iat',
          'auth_time',
          'acr',
          'nonce',
          'preferred_username',
          'name',
          'tid',
          'ver',
          'at_hash',
          'c_hash',
          'email',
        ],
        ...cloudInstance,
      });
      return;
    case 'openid-v1':
      sendJson(res, 200, HEADERS, {
        token_endpoint: `${login}/${pathTenant}/oauth2/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${login}/common/discovery/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
        scopes_supported: ['openid'],
        issuer: `https://sts.windows.net/${tenantId}/`,
        microsoft_multi_refresh_token: true,
        authorization_endpoint: `${login}/${pathTenant}/oauth2/authorize`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${login}/${pathTenant}/oauth2/logout`,
        claims_supported: [
          'sub',
          'iss',
          'cloud_instance_name',
          'cloud_instance_host_name',
          'cloud_graph_host_name',
          'msgraph_host',
          'aud',
          'exp',
          'iat',
          'auth_time',
          'acr',
          'amr',
          'nonce',
          'email',
          'given_name',
          'family_name',
          'nickname',
        ],
        ...cloudInstance,
      });
      return;
  }
};
