import { isMainThread, parentPort, workerData } from 'node:worker_threads';

import { renderEmail } from './render-email';
import { isRenderThreadData } from './render-thread-protocol';
import { serveRenders } from './render-thread-serve';

/**
 * The render thread's file when the app runs from its TypeScript sources (render-thread.ts's RENDER_THREAD_FILE):
 * the engine imported statically, which tsx's require hook can load in a thread. No bundle holds this file.
 */
if (!isMainThread && parentPort !== null && isRenderThreadData(workerData)) serveRenders(parentPort, renderEmail);
