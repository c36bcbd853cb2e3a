import { createHistoryStore } from '../../history/history-store';
import { mayBrowseUsers } from '../../jira/browse-users-check';
import { requestJiraAsUser } from '../../jira/jira-client';
import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { createPeopleDirectory } from '../../providers/mail-sender';
import { createMailSettingsStore } from '../../settings/mail-settings-store';
import { newUuid, systemClock } from '../../shared/seams';
import { createAppKvStore } from '../app-kv';
import { buildCredentials } from '../credentials';
import { describeFailureToUser } from '../describe-failure';
import { buildEmailLog } from '../email-log';
import { jiraAsUser } from '../issue-email-jira';
import { buildMailServiceDeps } from '../mail-service';
import { buildEnqueue, buildOutboxStores } from '../outbox';
import { checkPermission } from '../send-permission';
import { readSendingSetup } from '../sending-setup';
import { buildTemplateService } from '../templates';
import { buildWarnings } from '../warnings';

/**
 * The issue action's send (function `issue-action-resolver`, loaded on its first send): Jira as the invoking user,
 * the outbox, the mail service's directory.
 */
export const createIssueActionSendDeps = (): IssueEmailDeps => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv);
  const outbox = buildOutboxStores(kv);
  const settings = createMailSettingsStore(kv);
  const services = buildMailServiceDeps(kv, credentials.service, buildWarnings(kv, credentials.store));
  return {
    credentials: credentials.service,
    jira: jiraAsUser,
    templates: buildTemplateService(kv),
    readSettings: () => settings.read(),
    readSendingSetup: () => readSendingSetup(kv),
    checkPermission,
    mayBrowseUsers: () => mayBrowseUsers(requestJiraAsUser),
    enqueue: buildEnqueue(outbox),
    emailLog: buildEmailLog(outbox, credentials.store),
    searchDirectory: createPeopleDirectory(services),
    history: createHistoryStore(kv),
    describeFailure: describeFailureToUser,
    now: systemClock,
    newId: newUuid,
  };
};
