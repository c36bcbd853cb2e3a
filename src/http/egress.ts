/**
 * The only origins the backend may call. Must equal manifest.yml's `permissions.external.fetch.backend`
 * addresses: Forge blocks anything else in production, and a unit test keeps the two in step.
 */
export const ALLOWED_EGRESS_ORIGINS = ['https://login.microsoftonline.com', 'https://graph.microsoft.com'] as const;

/** Set to '1' by a host that runs the app against loopback stand-ins of Microsoft's services. */
export const ALLOW_LOOPBACK_HTTP_ENV = 'ISSUE_MAILER_ALLOW_LOOPBACK_HTTP';
