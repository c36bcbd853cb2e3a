import { MICROSOFT_CLOUDS } from '../contract/microsoft-clouds';

const clouds = Object.values(MICROSOFT_CLOUDS);

/** Where tokens come from: the clouds' sign-in hosts. */
export const LOGIN_ORIGINS: readonly string[] = [...new Set(clouds.map((cloud) => `https://${cloud.loginHost}`))];
/** Where mail goes: the clouds' Graph hosts. */
export const GRAPH_ORIGINS: readonly string[] = [...new Set(clouds.map((cloud) => new URL(cloud.graphBaseUrl).origin))];
/** Where large attachments go: the Outlook hosts a cloud's `createUploadSession` hands out upload URLs on. */
export const UPLOAD_ORIGINS: readonly string[] = [
  ...new Set(clouds.flatMap((cloud) => cloud.uploadHosts.map((host) => `https://${host}`))),
];

/**
 * The upload origins of the cloud whose Graph lives at `graphOrigin`: an upload URL from one cloud's Graph never
 * points into another cloud. None for an origin that is no cloud's Graph (a loopback stand-in).
 */
export const uploadOriginsOf = (graphOrigin: string): readonly string[] =>
  clouds
    .filter((cloud) => new URL(cloud.graphBaseUrl).origin === graphOrigin)
    .flatMap((cloud) => cloud.uploadHosts.map((host) => `https://${host}`));

/**
 * The only origins the backend may call: the sign-in, Graph and Outlook upload hosts of every Microsoft cloud a
 * credential can live in. Must equal manifest.yml's `permissions.external.fetch.backend` addresses: Forge blocks
 * anything else in production, and a unit test keeps the two in step.
 */
export const ALLOWED_EGRESS_ORIGINS: readonly string[] = [...LOGIN_ORIGINS, ...GRAPH_ORIGINS, ...UPLOAD_ORIGINS];

/** Set to '1' by a host that runs the app against loopback stand-ins of Microsoft's services. */
export const ALLOW_LOOPBACK_HTTP_ENV = 'ISSUE_MAILER_ALLOW_LOOPBACK_HTTP';
