import type { LocalResponse } from '../../http-types';
import { statusBean } from '../beans/catalog';
import type { RequestContext } from '../http/context';
import { json } from '../http/responses';
import { STATUSES } from '../seed/catalog';

/** GET /status: every status of the site's workflow, with its category. */
export const listStatuses = (ctx: RequestContext): LocalResponse =>
  json(
    200,
    STATUSES.map((status) => statusBean(ctx, status)),
  );
