import { isMainThread, parentPort, workerData } from 'node:worker_threads';

import { renderEmail } from './render-email';
import { isRenderThreadData } from './render-thread-protocol';
import { serveRenders } from './render-thread-serve';

/**
 * The file a render thread loads. From the sources it is this file; in the Forge bundle it is the bundle
 * itself (index.cjs): @forge/bundler targets Node, where webpack leaves `__filename` to Node ('eval-only'), so
 * the thread loads the same bundle the function runs, and this module, inside it, starts serving below.
 */
export const RENDER_THREAD_FILE = __filename;

// Loaded as a render thread (its workerData says so), this module serves renders; anywhere else it does nothing.
if (!isMainThread && parentPort !== null && isRenderThreadData(workerData)) serveRenders(parentPort, renderEmail);
