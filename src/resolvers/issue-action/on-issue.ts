import * as z from 'zod/mini';

import type { IssueActionFunctions } from '../../contract/functions';
import type { Caller } from '../../mail/issue-email-ports';
import { NoIssueContextError } from '../errors';
import { issueKeyFromContext, timeZoneFromContext } from '../issue-context';
import type { ResolverFunction, ResolverRequest } from '../resolver-kit';

export type IssueActionHandlers = {
  [K in keyof IssueActionFunctions]: ResolverFunction<IssueActionFunctions[K]['data']>;
};

export const noPayload = z.strictObject({});

/** The invoking user as the platform names them; the payload never says who is sending. */
export const callerFromContext = (request: ResolverRequest): Caller => {
  const accountId = request.context['accountId'];
  if (typeof accountId !== 'string' || !/^[A-Za-z0-9:_-]{1,128}$/.test(accountId)) throw new NoIssueContextError();
  const timeZone = timeZoneFromContext(request);
  return { accountId, siteUrl: request.context['siteUrl'], ...(timeZone === undefined ? {} : { timeZone }) };
};

/** Every function of the dialog answers for the issue in the invocation context, for the invoking user. */
export const onIssue = {
  audience: 'user',
  guard: (request: ResolverRequest) => {
    issueKeyFromContext(request);
    callerFromContext(request);
  },
} as const;
