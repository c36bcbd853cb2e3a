import type { MessagePort } from 'node:worker_threads';

import type { EmailRenderer } from './render-email';
import { type RenderRequest, type RenderThreadMessage, toRenderFailure } from './render-thread-protocol';

/**
 * The render thread's side: answers each request on `port` with `render`'s email or failure, one message per
 * request, and says 'ready' first. `render` is renderEmail in the app; a test's thread may pass a slower one.
 */
export const serveRenders = (port: MessagePort, render: EmailRenderer): void => {
  const reply = (message: RenderThreadMessage): void => port.postMessage(message);
  port.on('message', (request: RenderRequest) => {
    render(request.template, request.data).then(
      (email) => reply({ type: 'rendered', id: request.id, email }),
      (error: unknown) => reply({ type: 'failed', id: request.id, failure: toRenderFailure(error) }),
    );
  });
  reply({ type: 'ready' });
};
