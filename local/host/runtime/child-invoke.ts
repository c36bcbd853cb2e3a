/**
 * Entry point of a child process that runs one Forge invocation:
 *   node --import tsx local/host/runtime/child-invoke.ts < request.json
 * (or the request JSON as the first argument). Prints one JSON line (ChildInvokeAnswer) on stdout; anything the
 * handler logs goes to stderr so stdout stays parseable. Exit code 0 = handler answered, 1 = handler failed,
 * 2 = the request or its modules were unusable.
 */
import { CHILD_EXIT, type ChildInvokeAnswer, type ChildInvokeFailure } from './child-invoke-protocol';
import { describeFailure, NO_STATS, runChildInvocation } from './child-invoke-run';
import { preloadTsxForRenderThread } from './render-thread-preload';

// This process runs under tsx; the app's render thread needs it named (render-thread-preload.ts).
preloadTsxForRenderThread();

const readInput = async (): Promise<string> => {
  const argument = process.argv[2];
  if (argument !== undefined) {
    return argument;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks).toString('utf8');
};

const keepStdoutForTheAnswer = (): void => {
  const toStderr = (...args: unknown[]): void => {
    console.error(...args);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
};

const finish = (answer: ChildInvokeAnswer, exitCode: number): void => {
  // Exits once the answer is flushed: a handler left hanging after a timeout must not keep the process alive.
  process.stdout.write(`${JSON.stringify(answer)}\n`, () => process.exit(exitCode));
};

const protocolFailure = (failure: ChildInvokeFailure): ChildInvokeAnswer => ({
  ok: false,
  error: failure,
  stats: NO_STATS,
  loadMs: 0,
  invocationMs: 0,
});

const main = async (): Promise<void> => {
  keepStdoutForTheAnswer();
  let input: unknown;
  try {
    input = JSON.parse(await readInput());
  } catch (error) {
    finish(protocolFailure({ ...describeFailure(error), code: 'BAD_CHILD_REQUEST' }), CHILD_EXIT.protocolFailed);
    return;
  }
  try {
    const answer = await runChildInvocation(input);
    finish(answer, answer.ok ? CHILD_EXIT.ok : CHILD_EXIT.handlerFailed);
  } catch (error) {
    finish(protocolFailure(describeFailure(error)), CHILD_EXIT.protocolFailed);
  }
};

void main();
