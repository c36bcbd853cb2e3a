import { validateHandlerState as generated } from '../../generated/incoming-handler-state';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../../shared/validator';
import { incomingHandlerStateKey } from '../../storage/keys';
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
}

export const createHandlerStateStore = (store: KvStore, log: (line: string) => void): HandlerStateStore => ({
  get: async (handlerId) => {
    const value = await store.get(incomingHandlerStateKey(handlerId));
    if (value === undefined || value === null) return undefined;
    const parsed = validateHandlerState(value);
    if (parsed.ok) return parsed.value;
    // Unreadable: the handler connects afresh, and the exactly-once marks keep old mail from being taken twice.
    log(`incoming mail: ignoring the unreadable connection of handler ${handlerId}: ${parsed.problem}`);
    return undefined;
  },
  put: (state) => store.set(incomingHandlerStateKey(state.handlerId), state),
  delete: (handlerId) => store.delete(incomingHandlerStateKey(handlerId)),
});
