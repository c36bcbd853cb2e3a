import { MICROSOFT_CLOUDS } from '../contract/microsoft-clouds';

const clouds = Object.values(MICROSOFT_CLOUDS);

/** Where tokens come from: the clouds' sign-in hosts. */
export const LOGIN_ORIGINS: readonly string[] = [...new Set(clouds.map((cloud) => `https://${cloud.loginHost}`))];
/** Where mail goes: the clouds' Graph hosts. */
export const GRAPH_ORIGINS: readonly string[] = [...new Set(clouds.map((cloud) => new URL(cloud.graphBaseUrl).origin))];

/**
 * The only origins the backend may call: the sign-in and Graph hosts of every Microsoft cloud a credential can
 * live in. Must equal manifest.yml's `permissions.external.fetch.backend` addresses: Forge blocks anything else in
 * production, and a unit test keeps the two in step.
 */
export const ALLOWED_EGRESS_ORIGINS: readonly string[] = [...LOGIN_ORIGINS, ...GRAPH_ORIGINS];

/** Set to '1' by a host that runs the app against loopback stand-ins of Microsoft's services. */
export const ALLOW_LOOPBACK_HTTP_ENV = 'ISSUE_MAILER_ALLOW_LOOPBACK_HTTP';
