import { spawn } from 'node:child_process';
import path from 'node:path';

import { type ChildInvokeAnswer, childInvokeAnswerSchema, type ChildInvokeRequest } from './child-invoke-protocol';
import { ChildProcessFailedError } from './errors';

export interface SpawnChildInvokeOptions {
  /** Working directory of the child; the repository root by default (where `tsx` resolves). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Node flags before the entry; `['--import', 'tsx']` by default. Pass `[]` for an esbuild bundle. */
  nodeArgs?: string[];
  /** The script to run; `local/host/runtime/child-invoke.ts` by default (or a bundle of it). */
  entry?: string;
}

export interface ChildInvokeOutcome {
  answer: ChildInvokeAnswer;
  exitCode: number | null;
  /** What the handler and runtime logged. */
  stderr: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Runs one invocation in a fresh Node process (as Forge runs each invocation in a fresh container). */
export const invokeInChildProcess = (
  request: ChildInvokeRequest,
  options: SpawnChildInvokeOptions = {},
): Promise<ChildInvokeOutcome> => {
  const entry = options.entry ?? path.join(__dirname, 'child-invoke.ts');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? ['--import', 'tsx']), entry], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(JSON.stringify(request));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const errors = Buffer.concat(stderr).toString('utf8');
      const lastLine = Buffer.concat(stdout).toString('utf8').trim().split('\n').at(-1) ?? '';
      let parsed: unknown;
      try {
        parsed = JSON.parse(lastLine);
      } catch {
        reject(new ChildProcessFailedError(exitCode, errors));
        return;
      }
      const answer = childInvokeAnswerSchema.safeParse(parsed);
      if (!answer.success) {
        reject(new ChildProcessFailedError(exitCode, errors));
        return;
      }
      resolve({ answer: answer.data, exitCode, stderr: errors });
    });
  });
};
