import { view } from '@forge/bridge';

export async function closeDialog(): Promise<void> {
  try {
    await view.close();
  } catch {
    // Not closable (e.g. opened outside a modal): nothing else to do.
  }
}
