import { view } from '@forge/bridge';

export const closeDialog = async (): Promise<void> => {
  try {
    await view.close();
  } catch {
    // Not closable (e.g. opened outside a modal): nothing else to do.
  }
};
