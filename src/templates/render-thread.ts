import { isMainThread, parentPort, workerData } from 'node:worker_threads';

import { loadTemplateEngine } from './load-template-engine';
import { isRenderThreadData } from './render-thread-protocol';
import { serveRenders } from './render-thread-serve';

/** A bundle (.cjs, .js), as Forge runs the app; otherwise the TypeScript sources. */
const BUNDLED = /\.c?js$/.test(__filename);

/**
 * The file a render thread loads. In a Forge bundle it is the bundle itself (the function's own .cjs):
 * @forge/bundler targets Node, where webpack leaves `__filename` to Node ('eval-only'), so the thread loads the
 * bundle the function runs, and this module, inside it, starts serving below. From the sources it is
 * render-thread-sources.ts: a thread gets only tsx's require hook (render-thread-runner.ts), which cannot load
 * TypeScript through the dynamic import() that loads the engine here.
 */
export const RENDER_THREAD_FILE = BUNDLED ? __filename : __filename.replace(/\.ts$/, '-sources.ts');

// Loaded as a render thread (its workerData says so), this module loads the engine, then serves renders (its
// 'ready' comes after the engine, so loading it is not counted in any email's deadline); elsewhere it does nothing.
if (!isMainThread && parentPort !== null && isRenderThreadData(workerData)) {
  const port = parentPort;
  void loadTemplateEngine().then(({ renderEmail }) => serveRenders(port, renderEmail));
}
