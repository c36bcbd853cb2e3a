import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The build every Custom UI app shares. Forge serves a resource from a path it chooses, so asset URLs must be
 * relative (`base: './'`); nothing is inlined as a data: URL or inline script, so the default Custom UI CSP holds.
 */
export const customUiConfig = (appDirUrl: string): UserConfig => {
  const root = decodeURIComponent(new URL('.', appDirUrl).pathname);
  return defineConfig({
    root,
    base: './',
    plugins: [react()],
    // The apps are written against React's API and types; Preact's compat layer runs them at a fraction of
    // react-dom's size, which every Custom UI page load pays for.
    resolve: {
      alias: [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
        { find: /^react$/, replacement: 'preact/compat' },
      ],
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      sourcemap: false,
      modulePreload: { polyfill: false },
    },
  });
};
