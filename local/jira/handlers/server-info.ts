import type { LocalResponse } from '../../http-types';
import { jiraDateTime } from '../dates';
import type { RequestContext } from '../http/context';
import { json } from '../http/responses';

/** GET /serverInfo: open to anonymous callers, as on Jira Cloud. */
export const serverInfo = (ctx: RequestContext): LocalResponse =>
  json(200, {
    baseUrl: ctx.siteUrl,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100282,
    buildDate: '2025-03-01T00:00:00.000+0000',
    serverTime: jiraDateTime(ctx.now.toISOString(), ctx.timeZone),
    scmInfo: '6f1c2e9b8d7a4c3b2a1908f7e6d5c4b3a2918f7e',
    serverTitle: 'Jira',
  });
