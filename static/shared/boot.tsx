import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { loadDateSettings } from './date-settings';
import { enableProductTheme } from './theme';

/**
 * Starts a Custom UI app: the product's theme, then the app in #root. With `dates`, it renders once the user's
 * locale and time zone are known, so dates are in them from the first render on.
 */
export const boot = (app: ReactNode, { dates }: { dates: boolean }) => {
  void enableProductTheme();
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  const render = () => createRoot(container).render(<StrictMode>{app}</StrictMode>);
  if (dates) void loadDateSettings().then(render);
  else render();
};
