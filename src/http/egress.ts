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
 * Google's: the token endpoint (https://developers.google.com/identity/protocols/oauth2/service-account, "Making the
 * access token request": POST https://oauth2.googleapis.com/token) and Gmail, whose send and upload URIs are on
 * gmail.googleapis.com (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send)
 * while a resumable upload's session URI, the `Location` the initiating request answers with, is on
 * www.googleapis.com in Google's own example (https://developers.google.com/workspace/gmail/api/guides/uploads,
 * "Resumable upload").
 */
export const GOOGLE_TOKEN_ORIGIN = 'https://oauth2.googleapis.com';
export const GMAIL_ORIGIN = 'https://gmail.googleapis.com';
export const GOOGLE_UPLOAD_SESSION_ORIGIN = 'https://www.googleapis.com';
export const GOOGLE_ORIGINS: readonly string[] = [GOOGLE_TOKEN_ORIGIN, GMAIL_ORIGIN, GOOGLE_UPLOAD_SESSION_ORIGIN];

/**
 * The only origins the backend may call: the sign-in, Graph and Outlook upload hosts of every Microsoft cloud a
 * credential can live in, and Google's token endpoint and Gmail hosts. Must equal manifest.yml's `permissions.external.fetch.backend` addresses: Forge blocks
 * anything else in production, and a unit test keeps the two in step.
 */
export const ALLOWED_EGRESS_ORIGINS: readonly string[] = [
  ...LOGIN_ORIGINS,
  ...GRAPH_ORIGINS,
  ...UPLOAD_ORIGINS,
  ...GOOGLE_ORIGINS,
];

/** Set to '1' by a host that runs the app against loopback stand-ins of Microsoft's services. */
export const ALLOW_LOOPBACK_HTTP_ENV = 'ISSUE_MAILER_ALLOW_LOOPBACK_HTTP';
