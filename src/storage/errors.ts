import { AppError } from '../shared/app-error';

export type StorageOperation =
  'get' | 'set' | 'delete' | 'query' | 'getSecret' | 'setSecret' | 'deleteSecret' | 'transact';

/** A Forge storage call failed (rate limit, platform error). The key is named; values never are. */
export class StorageError extends AppError<'STORAGE_FAILED'> {
  readonly operation: StorageOperation;
  readonly key: string;
  /** The platform's own code, e.g. `RATE_LIMIT_EXCEEDED`, when it gave one. */
  readonly platformCode: string | undefined;

  constructor(operation: StorageOperation, key: string, cause: unknown) {
    const platformCode = platformCodeOf(cause);
    super(
      'StorageError',
      'STORAGE_FAILED',
      `Forge storage ${operation} of "${key}" failed${platformCode ? ` (${platformCode})` : ''}.`,
      { cause },
    );
    this.operation = operation;
    this.key = key;
    this.platformCode = platformCode;
  }
}

const platformCodeOf = (cause: unknown): string | undefined => {
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : undefined;
};

/** Runs one platform storage call; whatever it throws leaves the adapter as a StorageError naming the call and key. */
export const storageCall = async <T>(operation: StorageOperation, key: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw new StorageError(operation, key, error);
  }
};
