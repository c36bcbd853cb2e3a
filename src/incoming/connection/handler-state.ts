import { validateHandlerState as generated } from '../../generated/incoming-handler-state';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../../shared/validator';
import { INCOMING_STATE_PREFIX, incomingHandlerStateKey } from '../../storage/keys';
import type { KvStore } from '../../storage/kv-store';
import type { HandlerState } from './handler-state-schema';

const validateHandlerState: Validator<HandlerState> = standaloneValidator<HandlerState>(
  generated as StandaloneValidate,
);

/** Each mail handler's connection: its folder, delta position and subscription. */
export interface HandlerStateStore {
  get: (handlerId: string) => Promise<HandlerState | undefined>;
  put: (state: HandlerState) => Promise<void>;
  delete: (handlerId: string) => Promise<void>;
  /** Every stored connection (the upkeep's list: at most one per handler, 20 handlers). */
  list: () => Promise<HandlerState[]>;
}

export const createHandlerStateStore = (store: KvStore, log: (line: string) => void): HandlerStateStore => {
  const read = (handlerId: string, value: unknown): HandlerState | undefined => {
    if (value === undefined || value === null) return undefined;
    const parsed = validateHandlerState(value);
    if (parsed.ok) return parsed.value;
    // Unreadable: the handler connects afresh, and the exactly-once marks keep old mail from being taken twice.
    log(`incoming mail: ignoring the unreadable connection of handler ${handlerId}: ${parsed.problem}`);
    return undefined;
  };
  return {
    get: async (handlerId) => read(handlerId, await store.get(incomingHandlerStateKey(handlerId))),
    put: (state) => store.set(incomingHandlerStateKey(state.handlerId), state),
    delete: (handlerId) => store.delete(incomingHandlerStateKey(handlerId)),
    list: async () =>
      (await store.listByPrefix(INCOMING_STATE_PREFIX)).flatMap(
        ({ key, value }) => read(key.slice(INCOMING_STATE_PREFIX.length), value) ?? [],
      ),
  };
};
