import { view } from '@forge/bridge';

/**
 * Asks the product to apply its colour mode (light/dark) and design tokens to this frame. Older products lack
 * theming; the CSS fallbacks then follow the browser's colour scheme, so a failure here is not an error.
 */
export const enableProductTheme = async (): Promise<void> => {
  try {
    if (typeof view.theme?.enable === 'function') await view.theme.enable();
  } catch {
    // Keep the CSS fallbacks.
  }
};
