/** Errors of the local Forge runtime. Each has a stable `code`; none carries a token, a secret or a stored value. */
export class ForgeRuntimeError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ForgeRuntimeError';
    this.code = code;
  }
}

/** `installForgeRuntime` was called while another local runtime still owns the globals. */
export class RuntimeAlreadyInstalledError extends ForgeRuntimeError {
  constructor() {
    super(
      'RUNTIME_ALREADY_INSTALLED',
      'A local Forge runtime is already installed in this process; call uninstall() on it first',
    );
    this.name = 'RuntimeAlreadyInstalledError';
  }
}

/** The runtime was used after `uninstall()`. */
export class RuntimeUninstalledError extends ForgeRuntimeError {
  constructor(operation: string) {
    super('RUNTIME_UNINSTALLED', `The local Forge runtime was uninstalled; cannot ${operation}`);
    this.name = 'RuntimeUninstalledError';
  }
}

/** A handler did not settle within the platform's invocation time limit. */
export class InvocationTimeoutError extends ForgeRuntimeError {
  readonly functionKey: string;
  readonly resolverFunctionKey: string;
  readonly timeoutMs: number;

  constructor(functionKey: string, resolverFunctionKey: string, timeoutMs: number) {
    super(
      'INVOCATION_TIMEOUT',
      `Invocation of function '${functionKey}' (resolver '${resolverFunctionKey}') timed out after ${timeoutMs} ms`,
    );
    this.name = 'InvocationTimeoutError';
    this.functionKey = functionKey;
    this.resolverFunctionKey = resolverFunctionKey;
    this.timeoutMs = timeoutMs;
  }
}

/** The SQLite store could not be opened or prepared. */
export class KvsStoreError extends ForgeRuntimeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('KVS_STORE_ERROR', message, options);
    this.name = 'KvsStoreError';
  }
}

/**
 * A kvs call the platform would refuse. It never leaves the runtime as an exception: the kvs endpoint turns it
 * into the HTTP answer (`status`, `{ code, message }`) that @forge/kvs parses into its own ForgeKvsAPIError.
 */
export class KvsRequestError extends ForgeRuntimeError {
  readonly status: number;

  constructor(status: number, code: string, message: string) {
    super(code, message);
    this.name = 'KvsRequestError';
    this.status = status;
  }
}

/** The child-invoke protocol was broken: bad request JSON, handler module or export missing, bad answer. */
export class ChildInvokeError extends ForgeRuntimeError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ChildInvokeError';
  }
}

/** A child-invoke process ended without printing a valid answer. */
export class ChildProcessFailedError extends ChildInvokeError {
  readonly exitCode: number | null;
  /** What the child wrote to stderr (handler logs included), for the developer to read; not in the message. */
  readonly stderr: string;

  constructor(exitCode: number | null, stderr: string) {
    super('CHILD_PROCESS_FAILED', `The child-invoke process exited with code ${String(exitCode)} without a valid answer`);
    this.name = 'ChildProcessFailedError';
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/** A trigger invocation the platform would not make: unknown module type, or `timeoutSeconds` out of range. */
export class InvalidTriggerRequestError extends ForgeRuntimeError {
  constructor(message: string) {
    super('INVALID_TRIGGER_REQUEST', message);
    this.name = 'InvalidTriggerRequestError';
  }
}

/** A function invoked by a module (trigger, consumer) did not settle within its time limit. */
export class ModuleTimeoutError extends ForgeRuntimeError {
  readonly functionKey: string;
  readonly moduleKey: string;
  readonly timeoutMs: number;

  constructor(functionKey: string, module: { kind: 'trigger' | 'consumer'; key: string }, timeoutMs: number) {
    super('INVOCATION_TIMEOUT', `Invocation of function '${functionKey}' (${module.kind} '${module.key}') timed out after ${timeoutMs} ms`);
    this.name = 'ModuleTimeoutError';
    this.functionKey = functionKey;
    this.moduleKey = module.key;
    this.timeoutMs = timeoutMs;
  }
}

/** A trigger function did not settle within its module type's time limit. */
export class TriggerTimeoutError extends ModuleTimeoutError {
  constructor(functionKey: string, moduleKey: string, timeoutMs: number) {
    super(functionKey, { kind: 'trigger', key: moduleKey }, timeoutMs);
    this.name = 'TriggerTimeoutError';
  }
}
