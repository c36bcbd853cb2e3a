/** Shared by the kvs-*.test.ts files. Importing it installs a fresh Forge runtime per test (runtimePerTest). */
import { ForgeKvsAPIError } from '@forge/kvs';

import { runtimePerTest } from './fixtures/runtime-fixture';

export const { install } = runtimePerTest();

export const apiError = async (promise: Promise<unknown>): Promise<ForgeKvsAPIError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ForgeKvsAPIError)) {
    throw new Error(`expected a ForgeKvsAPIError, got ${String(error)}`);
  }
  return error;
};
