import { createCredentialService } from '../credentials/credential-service';
import { createCredentialStore } from '../credentials/credential-store';
import { requestJiraAsUser } from '../jira/jira-client';
import { readIssue } from '../jira/issue-reader';
import { createGraphMailSender } from '../mail/graph-mail-sender';
import { createTokenCache } from '../oauth/token-cache';
import { globalFetch, realSleep, systemClock } from '../shared/seams';
import { createForgeKvStore } from '../storage/forge-kv-store';
import { createWarningService, type WarningService } from '../warnings/warning-service';
import { createWarningStore } from '../warnings/warning-store';
import type { AdminDeps } from './admin-functions';
import type { IssueActionDeps } from './issue-action-functions';

export type RuntimeDeps = AdminDeps & IssueActionDeps & { warnings: WarningService };

/** The real collaborators: Forge storage, Jira as the invoking user, the global fetch and clock. */
const createRuntimeDeps = (): RuntimeDeps => {
  const store = createForgeKvStore();
  const credentialStore = createCredentialStore(store);
  const credentials = createCredentialService({ store: credentialStore, now: systemClock });
  const warnings = createWarningService({ store: createWarningStore(store), listCredentials: () => credentialStore.list(), now: systemClock });
  const tokenCache = createTokenCache(store);
  return {
    credentials,
    warnings,
    tokenCache,
    fetch: globalFetch,
    now: systemClock,
    sleep: realSleep,
    requestJira: requestJiraAsUser,
    readIssue: (issueKey) => readIssue(issueKey, requestJiraAsUser),
    sendAs: createGraphMailSender({
      credentials,
      tokenCache,
      fetch: globalFetch,
      now: systemClock,
      sleep: realSleep,
      onPromoted: (credential) => warnings.recordPromotion(credential),
      onTokenRefused: (credential, error) => warnings.recordTokenRefused(credential, error),
    }),
  };
};

export const runtimeDeps = createRuntimeDeps();
