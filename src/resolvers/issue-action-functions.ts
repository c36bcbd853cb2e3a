import * as z from 'zod/mini';
import type { IssueActionFunctions } from '../contract/functions';
import { sendIssueEmailSchema } from '../contract/issue-email';
import type { CredentialService } from '../credentials/credential-service';
import type { IssueSnapshot } from '../jira/issue';
import { getEmailDraft } from '../mail/email-draft';
import type { SendAs } from '../mail/graph-mail-sender';
import { sendIssueEmail } from '../mail/send-issue-email';
import type { Clock } from '../shared/seams';
import { issueKeyFromContext, timeZoneFromContext } from './issue-context';
import { resolverFunction, type ResolverFunction } from './resolver-kit';

export interface IssueActionDeps {
  credentials: Pick<CredentialService, 'findDefault' | 'getDefault'>;
  /** Reads an issue as the invoking user. */
  readIssue(issueKey: string): Promise<IssueSnapshot>;
  sendAs: SendAs;
  now: Clock;
}

export type IssueActionHandlers = { [K in keyof IssueActionFunctions]: ResolverFunction<IssueActionFunctions[K]['data']> };

/** The issue action's functions. The issue is always the one in the invocation context. */
export const createIssueActionFunctions = (deps: IssueActionDeps): IssueActionHandlers => ({
  getEmailDraft: resolverFunction({
    name: 'getEmailDraft',
    audience: 'user',
    guard: async (request) => void issueKeyFromContext(request),
    schema: z.strictObject({}),
    run: (_input, request) => getEmailDraft(issueKeyFromContext(request), deps),
  }),
  sendIssueEmail: resolverFunction({
    name: 'sendIssueEmail',
    audience: 'user',
    guard: async (request) => void issueKeyFromContext(request),
    schema: sendIssueEmailSchema,
    run: (input, request) => {
      const timeZone = timeZoneFromContext(request);
      return sendIssueEmail(
        {
          issueKey: issueKeyFromContext(request),
          input,
          siteUrl: request.context['siteUrl'],
          ...(timeZone === undefined ? {} : { timeZone }),
        },
        deps,
      );
    },
  }),
});
