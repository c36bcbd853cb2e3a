import type { JiraEmulator } from '../../../jira/types';
import { readIssueView } from '../../../jira/web';
import { HostHttpError } from '../../../shared/http-kit';
import { ActionTimeoutError, type ForgeActionHandler, type InstalledForgeRuntime } from '../../runtime';
import { describeError } from '../error-summary';
import type { AutomationActionModule } from '../manifest-actions';
import {
  type ActionConfiguration,
  buildActionPayload,
  checkConfiguration,
  type ConfiguredValue,
  type InvalidInputs,
} from './action-config';

/** How a run ends in the rule's audit log. A configuration error never reaches the app. */
export type AutomationOutcome = 'success' | 'failure' | 'configuration-error';

/** One line of the rule's audit log. */
export interface AutomationRun {
  /** Counts up from 1 per host. */
  id: number;
  /** When the rule ran, ISO 8601. */
  at: string;
  actionKey: string;
  issueKey: string;
  /** The rule's actor. */
  accountId: string;
  outcome: AutomationOutcome;
  /**
   * What the audit log says under the outcome: each `errors[].message` the action answered, the generic message
   * when it threw or timed out, or the configuration errors. Empty on success.
   */
  messages: string[];
  /** The inputs the function received (smart values resolved); absent when it was not called. */
  payload?: Record<string, ConfiguredValue>;
  /** The function's answer as JSON, on success. */
  answer?: unknown;
}

export interface RunAutomationOptions {
  /** The action to run; the first the manifest's providers list when absent. */
  actionKey?: string;
  /** The rule's trigger issue, whose smart values the inputs use. */
  issueKey: string;
  /** The action's configuration as its form submitted it. */
  inputs: Record<string, ConfiguredValue>;
  /** The rule's actor; the site admin the host signs in as by default. */
  accountId?: string;
}

export interface ActionConfigurationState {
  inputs: ActionConfiguration;
  invalidInputs: InvalidInputs;
}

/** Shown when the function threw: Automation never repeats an exception's text in the audit log. */
export const ACTION_THREW_MESSAGE = 'The action threw an error.';
export const ACTION_TIMED_OUT_MESSAGE = 'The action did not finish in time.';
const NO_MESSAGE = 'The action reported an error without a message.';

/** Automation keeps a rule's audit log; the local host keeps the latest runs in memory. */
export const MAX_RUNS = 50;
/** Automation refuses a rule whose action configuration is larger than this, as JSON. */
export const MAX_CONFIGURATION_BYTES = 100 * 1024;

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,9}$/;

export interface AutomationRulesDeps {
  actions: readonly AutomationActionModule[];
  /** Function key -> the app's export (resolveHandlers): actions' functions and their forms' resolvers. */
  handlers: ReadonlyMap<string, unknown>;
  runtime: Pick<InstalledForgeRuntime, 'invokeAction'>;
  jira: JiraEmulator;
  defaultAccountId: string;
  log: (line: string) => void;
  now?: () => number;
}

const messagesOf = (answer: unknown): string[] => {
  if (typeof answer !== 'object' || answer === null || !('errors' in answer)) return [];
  const { errors } = answer;
  if (!Array.isArray(errors)) return [];
  return errors.map((error: unknown) => {
    const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
    return typeof message === 'string' && message.trim() !== '' ? message : NO_MESSAGE;
  });
};

/**
 * The local stand-in for a Jira Automation rule per action: "when triggered on an issue, run the app's action".
 * It keeps each action's configuration as its form last submitted it, runs the action as Automation does
 * (configuration checked, smart values resolved, the function invoked as the rule's actor), and keeps an audit log.
 */
export const createAutomationRules = (deps: AutomationRulesDeps) => {
  const now = deps.now ?? Date.now;
  const configurations = new Map<string, ActionConfigurationState>();
  const runs: AutomationRun[] = [];
  let sequence = 0;

  const action = (key?: string): AutomationActionModule => {
    const found = key === undefined ? deps.actions[0] : deps.actions.find((candidate) => candidate.key === key);
    if (!found) {
      throw new HostHttpError(
        404,
        key === undefined ? 'The app has no Automation actions.' : `The app has no Automation action ${key}.`,
        'UNKNOWN_ACTION',
      );
    }
    return found;
  };

  const record = (run: Omit<AutomationRun, 'id' | 'at'>, at: number): AutomationRun => {
    sequence += 1;
    const entry: AutomationRun = { id: sequence, at: new Date(at).toISOString(), ...run };
    runs.unshift(entry);
    runs.length = Math.min(runs.length, MAX_RUNS);
    return entry;
  };

  const invoke = async (
    module: AutomationActionModule,
    accountId: string,
    payload: Record<string, ConfiguredValue>,
  ) => {
    const handler = deps.handlers.get(module.functionKey);
    if (typeof handler !== 'function') {
      throw new HostHttpError(
        500,
        `Function ${module.functionKey} of action ${module.key} has no handler.`,
        'NO_HANDLER',
      );
    }
    try {
      const answer = await deps.runtime.invokeAction(handler as ForgeActionHandler, {
        functionKey: module.functionKey,
        moduleKey: module.key,
        accountId,
        payload,
      });
      const messages = messagesOf(answer);
      return messages.length > 0
        ? { outcome: 'failure' as const, messages }
        : { outcome: 'success' as const, messages: [], answer: answer ?? null };
    } catch (error) {
      deps.log(`Automation action ${module.key} failed (${describeError(error)}).`);
      return {
        outcome: 'failure' as const,
        messages: [error instanceof ActionTimeoutError ? ACTION_TIMED_OUT_MESSAGE : ACTION_THREW_MESSAGE],
      };
    }
  };

  return {
    actions: (): readonly AutomationActionModule[] => deps.actions,
    action,

    /** What the action's form shows on load: its last submitted inputs and what Automation found wrong with them. */
    configuration: (actionKey: string): ActionConfigurationState => {
      action(actionKey);
      return configurations.get(actionKey) ?? { inputs: {}, invalidInputs: {} };
    },

    /** The rule's "Save": kept either way, so the form shows what was typed; saved only when nothing is invalid. */
    saveConfiguration: (
      actionKey: string,
      inputs: ActionConfiguration,
    ): { saved: boolean; invalidInputs: InvalidInputs } => {
      const module = action(actionKey);
      if (Buffer.byteLength(JSON.stringify(inputs), 'utf8') > MAX_CONFIGURATION_BYTES) {
        throw new HostHttpError(
          413,
          `The configuration of ${module.name} is larger than 100 kB; Automation refuses it.`,
          'CONFIGURATION_TOO_LARGE',
        );
      }
      const invalidInputs = checkConfiguration(module, inputs);
      configurations.set(actionKey, { inputs: { ...inputs }, invalidInputs });
      return { saved: Object.keys(invalidInputs).length === 0, invalidInputs };
    },

    /** Runs the rule once on an issue; resolves with its audit log entry (failures too). */
    run: async (options: RunAutomationOptions): Promise<AutomationRun> => {
      const module = action(options.actionKey);
      const accountId = options.accountId ?? deps.defaultAccountId;
      const actor = deps.jira.user(accountId);
      if (!actor) throw new HostHttpError(404, `No user has the account id ${accountId}.`, 'UNKNOWN_USER');
      const issueKey = options.issueKey.trim().toUpperCase();
      const issue = ISSUE_KEY.test(issueKey) ? await readIssueView(deps.jira, accountId, issueKey) : null;
      if (!issue) {
        throw new HostHttpError(
          404,
          `Issue ${issueKey} does not exist, or ${actor.displayName} cannot see it.`,
          'ISSUE_NOT_FOUND',
        );
      }
      const at = now();
      const base = { actionKey: module.key, issueKey: issue.key, accountId };
      const invalid = checkConfiguration(module, options.inputs);
      if (Object.keys(invalid).length > 0) {
        return record(
          { ...base, outcome: 'configuration-error', messages: Object.values(invalid).map((entry) => entry.message) },
          at,
        );
      }
      const built = buildActionPayload(module, options.inputs, {
        id: issue.id,
        key: issue.key,
        summary: issue.fields.summary,
      });
      if (!built.ok) return record({ ...base, outcome: 'configuration-error', messages: built.messages }, at);
      const result = await invoke(module, accountId, built.payload);
      return record({ ...base, payload: built.payload, ...result }, at);
    },

    /** Newest first, the last 50; one action's when a key is given. */
    runs: (actionKey?: string): AutomationRun[] =>
      runs
        .filter((run) => actionKey === undefined || run.actionKey === actionKey)
        .map((run) => ({ ...run, messages: [...run.messages] })),
  };
};

export type AutomationRules = ReturnType<typeof createAutomationRules>;
