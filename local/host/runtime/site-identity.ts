import { createHash } from 'node:crypto';

/** The identity of the one app installation the local host runs: app, environment, site. */
export interface SiteIdentity {
  /** The app's UUID, as `__forge_runtime__.appContext.appId` holds it (the ARI is built from it). */
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
  installationId: string;
  cloudId: string;
  siteUrl: string;
}

const APP_ARI_PREFIX = 'ari:cloud:ecosystem::app/';
/** Used when the host does not pass the manifest's `app.id`. */
export const DEFAULT_LOCAL_APP_ID = '00000000-0000-4000-8000-00000000f0e6';

/** The manifest spells the app id as an ARI; the runtime keeps the bare UUID, as the platform does. */
export const appUuid = (appId: string | undefined): string => {
  const id = appId ?? DEFAULT_LOCAL_APP_ID;
  return id.startsWith(APP_ARI_PREFIX) ? id.slice(APP_ARI_PREFIX.length) : id;
};

/**
 * A UUID-shaped id derived from its inputs, so that every process of the local host (the benchmark runs each
 * invocation in a fresh child) agrees on the environment and installation ids without sharing state.
 */
export const stableUuid = (...parts: string[]): string => {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const siteAri = (cloudId: string): string => `ari:cloud:jira::site/${cloudId}`;
