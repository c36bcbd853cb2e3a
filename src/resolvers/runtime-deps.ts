import { createCredentialService } from '../credentials/credential-service';
import { createCredentialStore } from '../credentials/credential-store';
import { requestJiraAsUser } from '../jira/jira-client';
import { readIssue } from '../jira/issue-reader';
import { createGraphMailSender } from '../mail/graph-mail-sender';
import { createTokenCache } from '../oauth/token-cache';
import { globalFetch, realSleep, systemClock } from '../shared/seams';
import { createForgeKvStore } from '../storage/forge-kv-store';
import type { AdminDeps } from './admin-functions';
import type { IssueActionDeps } from './issue-action-functions';

/** The real collaborators: Forge storage, Jira as the invoking user, the global fetch and clock. */
const createRuntimeDeps = (): AdminDeps & IssueActionDeps => {
  const store = createForgeKvStore();
  const credentials = createCredentialService({ store: createCredentialStore(store), now: systemClock });
  const tokenCache = createTokenCache(store);
  return {
    credentials,
    tokenCache,
    fetch: globalFetch,
    now: systemClock,
    requestJira: requestJiraAsUser,
    readIssue: (issueKey) => readIssue(issueKey, requestJiraAsUser),
    sendAs: createGraphMailSender({ credentials, tokenCache, fetch: globalFetch, now: systemClock, sleep: realSleep }),
  };
};

export const runtimeDeps = createRuntimeDeps();
