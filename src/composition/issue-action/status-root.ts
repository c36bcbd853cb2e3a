import { createCredentialStore } from '../../credentials/credential-store';
import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { createAppKvStore } from '../app-kv';
import { buildEmailLog } from '../email-log';
import { buildOutboxStores } from '../outbox';

/**
 * The issue action's status reads (function `issue-action-resolver`, on first call): what the dialog asks while an
 * email is on its way. The email log alone, no templates, Jira or mail service; the credentials' records without their
 * service (which reads certificates with node:crypto).
 */
export const createIssueActionStatusDeps = (): Pick<IssueEmailDeps, 'emailLog'> => {
  const kv = createAppKvStore();
  return { emailLog: buildEmailLog(buildOutboxStores(kv), createCredentialStore(kv)) };
};
