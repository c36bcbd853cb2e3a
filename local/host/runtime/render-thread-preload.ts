/**
 * src/templates/render-thread-runner.ts's RENDER_THREAD_PRELOAD_ENV: modules the app's render thread requires
 * before the TypeScript sources. A worker thread does not inherit tsx (its loader registers on the main thread
 * only), so wherever the host runs the sources under tsx it names tsx's require hook; a bundle ignores it.
 */
export const RENDER_THREAD_PRELOAD_ENV = 'ISSUE_MAILER_RENDER_THREAD_PRELOAD';

/** Sets the preload unless the environment names one already; child processes inherit it. */
export const preloadTsxForRenderThread = (): void => {
  process.env[RENDER_THREAD_PRELOAD_ENV] ??= require.resolve('tsx/cjs');
};
