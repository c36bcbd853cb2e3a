import { view } from '@forge/bridge';

import { dateSettingsFrom, setDateSettings } from './date-format';

/** Reads the locale and time zone from the Forge context once, before the app renders; keeps defaults on failure. */
export const loadDateSettings = async (): Promise<void> => {
  try {
    setDateSettings(dateSettingsFrom(await view.getContext()));
  } catch {
    // Outside a product frame: the browser's settings.
  }
};
