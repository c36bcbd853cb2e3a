import type { JiraEmulator } from '../jira/types';

/** A Forge function handler as `src/index.ts` exports it (a resolver's `getDefinitions()`). */
export type ForgeHandler = (
  event: { call: { functionKey: string; payload?: unknown; jobId?: string }; context: Record<string, unknown> },
  backendRuntimePayload: {
    principal?: { accountId: string };
    installContext: string;
    license?: { isActive: boolean };
    installation?: unknown;
  },
) => Promise<unknown>;

export interface LocalForgeRuntimeOptions {
  /** SQLite file holding kvs and secrets; ':memory:' in tests. */
  dbPath: string;
  jira: JiraEmulator;
  appId?: string;
  environmentType?: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
}

export interface InvocationRequest {
  /** The manifest function key, e.g. 'admin-resolver'. */
  functionKey: string;
  /** The resolver definition to call, e.g. 'saveCredential'. */
  resolverFunctionKey: string;
  payload: unknown;
  /** The module the call comes from, e.g. 'email-this-issue'. */
  moduleKey: string;
  /** The invoking user; requestJira asUser acts as them. */
  accountId: string;
  /** The `context.extension` the product gives the module (issue, project, type). */
  extension: Record<string, unknown>;
}

/** Counts of what invocations cost, for benchmarks and tests. */
export interface RuntimeStats {
  kvsOperations: number;
  jiraRequests: number;
  invocations: number;
}

/**
 * Defines `global.__forge_runtime__` and `global.__forge_fetch__` so that the unmodified @forge/kvs,
 * @forge/api and @forge/resolver packages work in this process. Created by `installForgeRuntime(options)`
 * from `local/host/runtime`.
 */
export interface LocalForgeRuntime {
  /** Runs a handler as the Forge platform would for one resolver call, and returns its answer. */
  invoke(handler: ForgeHandler, request: InvocationRequest): Promise<unknown>;
  stats(): RuntimeStats;
  resetStats(): void;
  /** Removes the globals and closes the database. */
  uninstall(): void;
}
