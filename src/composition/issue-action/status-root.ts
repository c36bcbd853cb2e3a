import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { createForgeKvStore } from '../../storage/forge-kv-store';
import { buildCredentials } from '../credentials';
import { buildEmailLog } from '../email-log';
import { buildOutboxStores } from '../outbox';

/**
 * The issue action's status reads (function `issue-action-resolver`, on first call): what the dialog asks while an
 * email is on its way; the email log alone, no templates, Jira or Graph.
 */
export const createIssueActionStatusDeps = (): Pick<IssueEmailDeps, 'emailLog'> => {
  const kv = createForgeKvStore();
  return { emailLog: buildEmailLog(buildOutboxStores(kv), buildCredentials(kv).store) };
};
