/** The calls of @forge/events, by the path segment after `/webhook/queue/` (queries.js). */
export type QueueOperation = 'publish' | 'stats' | 'cancel';

/**
 * `/webhook/queue/{operation}/{contextAri}/{environmentId}/{appId}/{appVersion}`: @forge/events sends the
 * placeholders as they are and the platform's proxy fills them in from the invocation, so the local host takes
 * either form. A filled-in context ARI (`ari:cloud:jira::site/<id>`) holds a slash, hence the greedy first group.
 */
const QUEUE_PATH = /^\/webhook\/queue\/(publish|stats|cancel)\/(.+)\/([^/]+)\/([^/]+)\/([^/]+)$/;

export const QUEUE_PATH_PREFIX = '/webhook/queue/';

/** The operation a queue path names, or undefined for a path the platform would not route. */
export const parseQueuePath = (path: string): QueueOperation | undefined => {
  const [pathname] = path.split('?', 1);
  const match = QUEUE_PATH.exec(pathname ?? '');
  return match ? (match[1] as QueueOperation) : undefined;
};
