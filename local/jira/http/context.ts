import type { LocalRequest } from '../../http-types';
import { restErrors } from '../errors';
import type { MediaLinks } from '../media-links';
import type { Viewer } from '../permissions';
import type { SiteStore } from '../store';
import type { RaisedEvent } from '../types';

/** Everything a handler needs to answer one call. */
export interface RequestContext {
  readonly siteUrl: string;
  /** `${siteUrl}/rest/api/3` (or `/2`): self links use the version the caller asked for, as Jira does. */
  readonly restBase: string;
  readonly apiVersion: 2 | 3;
  readonly store: SiteStore;
  /** Signs and checks the download URLs attachment content redirects to. */
  readonly media: MediaLinks;
  readonly now: Date;
  /** Null only on routes open to anonymous callers. */
  readonly viewer: Viewer | null;
  /** The caller's time zone, which Jira renders dates in. */
  readonly timeZone: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  readonly request: LocalRequest;
  /** Records a product event; the site emits it once the call has succeeded. */
  raise: (event: RaisedEvent) => void;
}

export const viewerOf = (ctx: RequestContext): Viewer => {
  if (!ctx.viewer) throw restErrors.notAuthenticated();
  return ctx.viewer;
};

export const param = (ctx: RequestContext, name: string): string => ctx.params[name] ?? '';
