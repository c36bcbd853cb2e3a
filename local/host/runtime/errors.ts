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
    super(
      'CHILD_PROCESS_FAILED',
      `The child-invoke process exited with code ${String(exitCode)} without a valid answer`,
    );
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
    super(
      'INVOCATION_TIMEOUT',
      `Invocation of function '${functionKey}' (${module.kind} '${module.key}') timed out after ${timeoutMs} ms`,
    );
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

/**
 * A function's container passed its memory (`memoryMB`, 512 MB by default) and was stopped, as Forge's runtime
 * stops it; the platform retries async events and triggers that end so with FUNCTION_OUT_OF_MEMORY.
 */
export class FunctionOutOfMemoryError extends ForgeRuntimeError {
  readonly functionKey: string;
  readonly peakBytes: number;
  readonly memoryMB: number;

  constructor(functionKey: string, peakBytes: number, memoryMB: number) {
    super(
      'FUNCTION_OUT_OF_MEMORY',
      `Function '${functionKey}' ran out of memory: it used ${(peakBytes / 1024 / 1024).toFixed(1)} MiB of its ${memoryMB} MB and was stopped`,
    );
    this.name = 'FunctionOutOfMemoryError';
    this.functionKey = functionKey;
    this.peakBytes = peakBytes;
    this.memoryMB = memoryMB;
  }
}

/** What a function threw in its worker process, with the name and code it had there (its message stays there too). */
export class IsolatedFunctionError extends ForgeRuntimeError {
  constructor(failure: { name: string; code?: string; message: string }) {
    super(failure.code ?? 'FUNCTION_FAILED', failure.message);
    this.name = failure.name;
  }
}

/** A function's worker process ended (crashed, or was killed) before it answered. */
export class FunctionWorkerExitedError extends ForgeRuntimeError {
  constructor(functionKey: string, detail: string) {
    super(
      'FUNCTION_WORKER_EXITED',
      `The worker running function '${functionKey}' exited before it answered (${detail})`,
    );
    this.name = 'FunctionWorkerExitedError';
  }
}

/**
 * An invocation's payload or answer over Forge's size limits (invocation limits: 500 KB in, 5 MB out); the call
 * fails without the function running, or with its answer dropped.
 */
export class InvocationPayloadTooLargeError extends ForgeRuntimeError {
  constructor(what: 'payload' | 'response', functionKey: string, bytes: number, limitBytes: number) {
    super(
      what === 'payload' ? 'PAYLOAD_TOO_LARGE' : 'RESPONSE_TOO_LARGE',
      `The ${what} of function '${functionKey}' is ${bytes} bytes; Forge allows at most ${limitBytes} bytes`,
    );
    this.name = 'InvocationPayloadTooLargeError';
  }
}
