import * as z from 'zod/mini';

import { emailIdSchema } from '../contract/email-log';
import type { IssueActionFunctions } from '../contract/functions';
import { previewIssueEmailSchema, searchPeopleSchema, sendIssueEmailSchema } from '../contract/issue-email';
import { getEmailDraft } from '../mail/email-draft';
import { listIssueEmailHistory } from '../mail/issue-email-history';
import type { Caller, IssueEmailDeps } from '../mail/issue-email-ports';
import { previewIssueEmail } from '../mail/preview-issue-email';
import { searchPeople } from '../mail/search-people';
import { sendIssueEmail } from '../mail/send-issue-email';
import { NoIssueContextError } from './errors';
import { issueIdFromContext, issueKeyFromContext, timeZoneFromContext } from './issue-context';
import { type ResolverFunction, resolverFunction, type ResolverRequest } from './resolver-kit';

export type IssueActionDeps = IssueEmailDeps;

export type IssueActionHandlers = {
  [K in keyof IssueActionFunctions]: ResolverFunction<IssueActionFunctions[K]['data']>;
};

const noPayload = z.strictObject({});

/** The invoking user as the platform names them; the payload never says who is sending. */
const callerFromContext = (request: ResolverRequest): Caller => {
  const accountId = request.context['accountId'];
  if (typeof accountId !== 'string' || !/^[A-Za-z0-9:_-]{1,128}$/.test(accountId)) throw new NoIssueContextError();
  const timeZone = timeZoneFromContext(request);
  return { accountId, siteUrl: request.context['siteUrl'], ...(timeZone === undefined ? {} : { timeZone }) };
};

/** The issue action's functions. The issue is always the one in the invocation context. */
export const createIssueActionFunctions = (deps: IssueActionDeps): IssueActionHandlers => {
  const onIssue = {
    audience: 'user',
    guard: (request: ResolverRequest) => {
      issueKeyFromContext(request);
      callerFromContext(request);
    },
  } as const;
  return {
    getEmailDraft: resolverFunction({
      ...onIssue,
      name: 'getEmailDraft',
      schema: noPayload,
      run: (_input, request) => getEmailDraft(issueKeyFromContext(request), callerFromContext(request), deps),
    }),
    searchPeople: resolverFunction({
      ...onIssue,
      name: 'searchPeople',
      schema: searchPeopleSchema,
      run: ({ query }, request) =>
        searchPeople({ query, issueKey: issueKeyFromContext(request), caller: callerFromContext(request) }, deps),
    }),
    previewIssueEmail: resolverFunction({
      ...onIssue,
      name: 'previewIssueEmail',
      schema: previewIssueEmailSchema,
      run: (input, request) => previewIssueEmail(issueKeyFromContext(request), input, callerFromContext(request), deps),
    }),
    sendIssueEmail: resolverFunction({
      ...onIssue,
      name: 'sendIssueEmail',
      schema: sendIssueEmailSchema,
      run: (input, request) =>
        sendIssueEmail({ issueKey: issueKeyFromContext(request), input, caller: callerFromContext(request) }, deps),
    }),
    getEmailStatus: resolverFunction({
      ...onIssue,
      name: 'getEmailStatus',
      schema: emailIdSchema,
      run: ({ emailId }, request) => deps.emailLog.deliveryOf(emailId, issueIdFromContext(request)),
    }),
    listEmailHistory: resolverFunction({
      ...onIssue,
      name: 'listEmailHistory',
      schema: noPayload,
      run: (_input, request) => listIssueEmailHistory(issueKeyFromContext(request), deps),
    }),
  };
};
