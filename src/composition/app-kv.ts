import { createForgeKvStore } from '../storage/forge-kv-store';
import { type SendSetupKv, withSendSetup } from '../storage/send-setup';

/**
 * The app's kvs for every function: @forge/kvs, with the `send-setup` copy (storage/send-setup.ts) kept by each
 * write of a credential record or the mail settings. Every root takes it from here, so no write goes around the copy.
 */
export const createAppKvStore = (): SendSetupKv => withSendSetup(createForgeKvStore());
