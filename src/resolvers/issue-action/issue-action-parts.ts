import { loadOnce } from '../../shared/load-once';
import { loadedOnCall } from '../resolver-kit';
import type { IssueActionHandlers } from './on-issue';

/*
 * Each part of the dialog, loaded on its first call: its functions and composition root come in a chunk of their
 * own (@forge/bundler's webpack makes each dynamic import() one), so opening the dialog builds nothing of the
 * outbox or Graph, and following a queued email's status builds nothing of templates or Jira.
 */
const compose = loadOnce(async () => {
  const [{ composeFunctions }, { createIssueActionComposeDeps }] = await Promise.all([
    import(/* webpackChunkName: "issue-action-compose" */ './compose-functions'),
    import(/* webpackChunkName: "issue-action-compose" */ '../../composition/issue-action/compose-root'),
  ]);
  return composeFunctions(createIssueActionComposeDeps());
});
const people = loadOnce(async () => {
  const [{ peopleFunctions }, { createIssueActionPeopleDeps }] = await Promise.all([
    import(/* webpackChunkName: "issue-action-people" */ './people-functions'),
    import(/* webpackChunkName: "issue-action-people" */ '../../composition/issue-action/people-root'),
  ]);
  return peopleFunctions(createIssueActionPeopleDeps());
});
const send = loadOnce(async () => {
  const [{ sendFunctions }, { createIssueActionSendDeps }] = await Promise.all([
    import(/* webpackChunkName: "issue-action-send" */ './send-functions'),
    import(/* webpackChunkName: "issue-action-send" */ '../../composition/issue-action/send-root'),
  ]);
  return sendFunctions(createIssueActionSendDeps());
});
const status = loadOnce(async () => {
  const [{ statusFunctions }, { createIssueActionStatusDeps }] = await Promise.all([
    import(/* webpackChunkName: "issue-action-status" */ './status-functions'),
    import(/* webpackChunkName: "issue-action-status" */ '../../composition/issue-action/status-root'),
  ]);
  return statusFunctions(createIssueActionStatusDeps());
});

/** The issue action's functions (function `issue-action-resolver`), each part loaded on its first call. */
export const lazyIssueActionFunctions = (): IssueActionHandlers => ({
  getEmailDraft: loadedOnCall('getEmailDraft', 'user', async () => (await compose()).getEmailDraft),
  previewIssueEmail: loadedOnCall('previewIssueEmail', 'user', async () => (await compose()).previewIssueEmail),
  listEmailHistory: loadedOnCall('listEmailHistory', 'user', async () => (await compose()).listEmailHistory),
  searchPeople: loadedOnCall('searchPeople', 'user', async () => (await people()).searchPeople),
  sendIssueEmail: loadedOnCall('sendIssueEmail', 'user', async () => (await send()).sendIssueEmail),
  getEmailStatus: loadedOnCall('getEmailStatus', 'user', async () => (await status()).getEmailStatus),
});
