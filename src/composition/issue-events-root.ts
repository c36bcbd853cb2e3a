// A render thread runs the function's own bundle: render-thread.ts's RENDER_THREAD_FILE is the __filename of the
// file webpack put it in, and it serves renders when that file loads in a thread. So it must sit in this entry, not
// in the chunk below that renders (a chunk loaded in a thread runs nothing): imported here for that alone.
import '../templates/render-thread';

import type { NotifyDeps } from '../notifications/notify';
import { createOnceGuard } from '../notifications/once-guard';
import { createRuleStore } from '../notifications/rule-store';
import { createRunHistoryStore } from '../notifications/run-history';
import { loadOnce } from '../shared/load-once';
import { systemClock } from '../shared/seams';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';

/** Jira and the rule's email (issue-event-rules.ts), a chunk loaded when an event first needs them. */
const loadRuleWork = loadOnce(() => import(/* webpackChunkName: "issue-event-rules" */ './issue-event-rules'));

/**
 * The notification rules' product trigger (function `issue-events`): Jira's events, read as the app. The rules and
 * their run history are read at once; Jira and the email of a rule that fires are loaded on first use.
 */
export const createIssueEventsDeps = (): NotifyDeps => {
  const kv = createAppKvStore();
  const work = loadOnce(async () => (await loadRuleWork()).createRuleWork(kv));
  return {
    rules: createRuleStore(kv, appLog),
    once: createOnceGuard(),
    history: createRunHistoryStore(kv),
    matchesJql: async (issueKey, jql) => (await work()).matchesJql(issueKey, jql),
    readRoles: async (issueKey) => (await work()).readRoles(issueKey),
    issueRef: async (issueId) => (await work()).issueRef(issueId),
    readUserEmails: async (accountIds) => (await work()).readUserEmails(accountIds),
    queue: async (rule, fact, to) => (await work()).queue(rule, fact, to),
    log: appLog,
    now: systemClock,
  };
};
