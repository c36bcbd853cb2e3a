import { createHash } from 'node:crypto';

import type { LocalRequest, LocalResponse } from '../http-types';
import { generatedContent } from './attachment-content';
import { JiraEmulatorError, JiraRestError, restErrors } from './errors';
import { attachmentCreated } from './events';
import type { RequestContext } from './http/context';
import { empty, json } from './http/responses';
import { findRoute, type Method, methodOf } from './http/router';
import { createMediaLinks } from './media-links';
import type { Viewer } from './permissions';
import { ROUTES } from './routes';
import { ALEX_ADMIN, APP_USER, SITE_USERS } from './seed/users';
import { SiteStore } from './store';
import type {
  GeneratedAttachmentInput,
  JiraActor,
  JiraEmulatorOptions,
  JiraProductEvent,
  JiraStreamingResponse,
  JiraUser,
  RaisedEvent,
  StreamingJiraEmulator,
} from './types';

export interface CreateJiraEmulatorOptions extends JiraEmulatorOptions {
  /** The clock for new comments, `serverTime` and relative rendered dates; defaults to the system clock. */
  now?: () => Date;
  /**
   * Told about handler failures that became a 500 answer (the answer itself says nothing about them), and about
   * `onEvent` listeners that threw (the call they followed still succeeds).
   */
  onInternalError?: (error: unknown) => void;
}

/** The site's cloud id: fixed, so links and stored values stay the same across runs. */
const CLOUD_ID = '7f3c2a1e-9b4d-4e6f-8a2c-5d1e0b9c3f47';

const SITE_DEFAULT_TIME_ZONE = 'UTC';

const normaliseSiteUrl = (siteUrl: string): string => {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch (cause) {
    throw new JiraEmulatorError('JIRA_EMULATOR_OPTIONS_INVALID', `siteUrl '${siteUrl}' is not an absolute URL.`, {
      cause,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new JiraEmulatorError('JIRA_EMULATOR_OPTIONS_INVALID', `siteUrl '${siteUrl}' must be http or https.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

const errorResponse = (error: JiraRestError, siteUrl: string): LocalResponse => {
  const headers: Record<string, string> =
    error.status === 401 ? { 'www-authenticate': `OAuth realm="${encodeURIComponent(siteUrl)}"` } : {};
  return json(error.status, { errorMessages: error.errorMessages, errors: error.errors }, headers);
};

class LocalJiraSite implements StreamingJiraEmulator {
  readonly siteUrl: string;
  readonly cloudId = CLOUD_ID;
  private readonly store: SiteStore;
  private readonly media = createMediaLinks();
  private readonly now: () => Date;
  private readonly onInternalError: (error: unknown) => void;
  private requestCount = 0;
  private eventCount = 0;
  private readonly listeners = new Set<(event: JiraProductEvent) => void>();

  constructor(options: CreateJiraEmulatorOptions) {
    this.siteUrl = normaliseSiteUrl(options.siteUrl);
    this.store = new SiteStore(SITE_USERS, APP_USER, options.indexedEntityProperties ?? []);
    this.now = options.now ?? (() => new Date());
    this.onInternalError = options.onInternalError ?? (() => undefined);
  }

  users(): JiraUser[] {
    return this.store.users().map(({ accountId, displayName, emailAddress, isAdmin, avatarColor }) => ({
      accountId,
      displayName,
      emailAddress,
      isAdmin,
      avatarColor,
    }));
  }

  user(accountId: string): JiraUser | undefined {
    return this.users().find((user) => user.accountId === accountId);
  }

  issueKeys(): string[] {
    return this.store.issues().map((issue) => issue.key);
  }

  onEvent(listener: (event: JiraProductEvent) => void): () => void {
    // Wrapped, so that the same function subscribed twice is called twice and unsubscribes once each.
    const entry = (event: JiraProductEvent): void => listener(event);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  async handle(request: LocalRequest, actor: JiraActor): Promise<LocalResponse> {
    const response = await this.handleStreaming(request, actor);
    const { body } = response;
    if (typeof body === 'string' || Buffer.isBuffer(body)) return { ...response, body };
    const pieces: Buffer[] = [];
    const reader = body.getReader();
    for (let step = await reader.read(); !step.done; step = await reader.read()) {
      pieces.push(Buffer.from(step.value.buffer, step.value.byteOffset, step.value.byteLength));
    }
    return { ...response, body: Buffer.concat(pieces) };
  }

  attachGeneratedFile(input: GeneratedAttachmentInput): { id: string; mediaId: string } {
    const issue = this.store.issue(input.issueKey);
    if (!issue)
      throw new JiraEmulatorError(
        'JIRA_EMULATOR_OPTIONS_INVALID',
        `There is no issue ${input.issueKey} to attach ${input.filename} to.`,
      );
    const author = input.authorAccountId ?? ALEX_ADMIN.accountId;
    if (!this.store.user(author))
      throw new JiraEmulatorError(
        'JIRA_EMULATOR_OPTIONS_INVALID',
        `There is no user ${author} to attach ${input.filename} as.`,
      );
    const stored = this.store.addAttachment({
      issueId: issue.id,
      filename: input.filename,
      mimeType: input.mimeType ?? 'application/octet-stream',
      authorId: author,
      created: this.now().toISOString(),
      content: generatedContent(input.seed, input.size),
    });
    // Jira announces a new file to the apps that listen, as the person who attached it.
    this.emit([attachmentCreated(this.store, stored)], { type: 'user', accountId: author });
    return { id: stored.id, mediaId: stored.mediaId };
  }

  async handleStreaming(request: LocalRequest, actor: JiraActor): Promise<JiraStreamingResponse> {
    const viewer = this.viewerFor(actor);
    const raised: RaisedEvent[] = [];
    const response = await this.answer(request, viewer, raised);
    // A handler raises events only on the way to a successful answer; a refusal thrown later discards them.
    if (response.status < 400) this.emit(raised, actor);
    return this.withSiteHeaders(response, viewer);
  }

  private emit(raised: readonly RaisedEvent[], actor: JiraActor): void {
    for (const one of raised) {
      this.eventCount += 1;
      const event: JiraProductEvent = { ...one, id: `jira-event-${this.eventCount}`, actor: { ...actor } };
      for (const listener of [...this.listeners]) {
        try {
          listener(structuredClone(event));
        } catch (error) {
          this.onInternalError(error);
        }
      }
    }
  }

  /** Unknown accounts resolve to null and are refused like anonymous callers. */
  private viewerFor(actor: JiraActor): Viewer | null {
    if (actor.type === 'app') return { kind: 'app' };
    if (actor.type === 'user') {
      const user = this.store.user(actor.accountId);
      return user ? { kind: 'user', user } : null;
    }
    return null;
  }

  private async answer(
    request: LocalRequest,
    viewer: Viewer | null,
    raised: RaisedEvent[],
  ): Promise<JiraStreamingResponse> {
    const url = new URL(request.path, 'http://local.invalid');
    const match = findRoute(ROUTES, url.pathname);
    if (!match) {
      return errorResponse(
        new JiraRestError('NO_ROUTE', 404, [`null for uri: ${this.siteUrl}${url.pathname}`]),
        this.siteUrl,
      );
    }
    const method = methodOf(request);
    const handler = match.route.methods[(method === 'HEAD' ? 'GET' : method) as Method];
    if (!handler) {
      return empty(405, { allow: Object.keys(match.route.methods).join(',') });
    }
    if (!viewer && !match.route.anonymous) return errorResponse(restErrors.notAuthenticated(), this.siteUrl);
    const ctx: RequestContext = {
      siteUrl: this.siteUrl,
      restBase: `${this.siteUrl}/rest/api/${match.apiVersion}`,
      apiVersion: match.apiVersion,
      store: this.store,
      media: this.media,
      now: this.now(),
      viewer,
      timeZone: viewer?.kind === 'user' ? viewer.user.timeZone : SITE_DEFAULT_TIME_ZONE,
      query: url.searchParams,
      params: match.params,
      request,
      raise: (event) => {
        raised.push(event);
      },
    };
    try {
      const response = await handler(ctx);
      return method === 'HEAD' ? { ...response, body: '' } : response;
    } catch (error) {
      if (error instanceof JiraRestError) return errorResponse(error, this.siteUrl);
      this.onInternalError(error);
      return json(500, { errorMessages: ['Internal server error'], errors: {} });
    }
  }

  /** Headers every Jira Cloud answer carries: a request id, and the account id the call ran as. */
  private withSiteHeaders(response: JiraStreamingResponse, viewer: Viewer | null): JiraStreamingResponse {
    this.requestCount += 1;
    const digest = createHash('sha256').update(`${this.cloudId}:${this.requestCount}`).digest('hex');
    const requestId = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
    const accountId =
      viewer?.kind === 'user' ? viewer.user.accountId : viewer?.kind === 'app' ? this.store.appUser.accountId : null;
    return {
      ...response,
      headers: {
        ...response.headers,
        'x-arequestid': requestId,
        ...(accountId ? { 'x-aaccountid': encodeURIComponent(accountId) } : {}),
        'cache-control': response.headers['cache-control'] ?? 'no-cache, no-store, no-transform',
        'x-content-type-options': 'nosniff',
        'timing-allow-origin': '*',
      },
    };
  }
}

/** Creates the local Jira site, seeded with project DEMO and issues DEMO-1 to DEMO-6. */
export const createJiraEmulator = (options: CreateJiraEmulatorOptions): StreamingJiraEmulator =>
  new LocalJiraSite(options);
