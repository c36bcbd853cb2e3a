import { AppError } from '../shared/app-error';

export type EndpointPurpose = 'token endpoint' | 'Graph base URL' | 'upload URL';

/** A configured URL the app refuses to call. The URL is configuration, not a secret, so it is named. */
export class EndpointNotAllowedError extends AppError<'ENDPOINT_NOT_ALLOWED'> {
  readonly purpose: EndpointPurpose;

  constructor(purpose: EndpointPurpose, url: string, reason: string) {
    super(
      'EndpointNotAllowedError',
      'ENDPOINT_NOT_ALLOWED',
      `The ${purpose} ${shown(url, purpose === 'upload URL')} is not allowed: ${reason}`,
    );
    this.purpose = purpose;
  }
}

/**
 * Scheme, host and path only: a pasted URL may carry a password or a query string, and text that is no URL at all
 * is not repeated. An upload URL is Graph's, not the admin's, and may carry its credential in the path: only its
 * origin is named.
 */
const shown = (url: string, originOnly: boolean): string => {
  try {
    const { protocol, host, pathname } = new URL(url);
    return JSON.stringify(`${protocol}//${host}${originOnly ? '' : pathname}`.slice(0, 300));
  } catch {
    return '(not a URL)';
  }
};
