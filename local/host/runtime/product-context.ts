import type { BackendRuntimePayload, InvocationRequest } from '../runtime-types';
import { siteAri, type SiteIdentity } from './site-identity';

/**
 * The module's local id as Jira spells it for a Custom UI extension (the extension ARI with ':' and '/' as '-').
 */
export const localIdOf = (site: SiteIdentity, moduleKey: string): string =>
  `ari-cloud-ecosystem--extension-${site.appId}-${site.environmentId}-static-${moduleKey}`;

/**
 * The `context` the product sends with a Custom UI `invoke`, which @forge/resolver hands to a definition after
 * adding accountId, installContext, license, jobId and installation from the backend payload. The local host's
 * bridge can answer `getContext` from the same function so that the page and the resolver agree.
 */
export const buildProductContext = (site: SiteIdentity, request: InvocationRequest): Record<string, unknown> => ({
  localId: localIdOf(site, request.moduleKey),
  cloudId: site.cloudId,
  moduleKey: request.moduleKey,
  siteUrl: site.siteUrl,
  environmentId: site.environmentId,
  environmentType: site.environmentType,
  extension: request.extension,
  accountType: request.accountId ? 'licensed' : 'anonymous',
  locale: 'en-US',
  timezone: 'UTC',
});

/** An ARI object as @forge/api models them: it prints and serialises as the ARI string. */
interface AriObject {
  toString: () => string;
  toJSON: () => string;
}

export interface LocalInstallation {
  ari: AriObject & { installationId: string };
  contexts: Array<AriObject & { cloudId: string }>;
}

/** The platform's installation object: ARIs that print as strings and serialise as strings. */
export const buildInstallation = (site: SiteIdentity): LocalInstallation => {
  const installationAri = `ari:cloud:ecosystem::installation/${site.installationId}`;
  const contextAri = siteAri(site.cloudId);
  return {
    ari: { installationId: site.installationId, toString: () => installationAri, toJSON: () => installationAri },
    contexts: [{ cloudId: site.cloudId, toString: () => contextAri, toJSON: () => contextAri }],
  };
};

/** The second argument the platform passes to a function handler; no `principal` when no user is behind the call. */
export const buildBackendRuntimePayload = (
  site: SiteIdentity,
  request: Pick<InvocationRequest, 'accountId'> | { accountId?: undefined },
): BackendRuntimePayload => ({
  ...(request.accountId ? { principal: { accountId: request.accountId } } : {}),
  installContext: siteAri(site.cloudId),
  license: undefined,
  installation: buildInstallation(site),
});
