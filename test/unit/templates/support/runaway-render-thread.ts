/**
 * A render thread for tests (RenderThreadOptions.entry): renders as the app's does, except two bodies that
 * stand for what no cap foresaw: 'SPIN' never returns (a synchronous loop), 'HOARD' keeps allocating.
 */
import { parentPort } from 'node:worker_threads';

import { renderEmail } from '../../../../src/templates/render-email';
import { serveRenders } from '../../../../src/templates/render-thread-serve';

const spin = (): never => {
  for (;;) {
    // Runs until the thread is terminated.
  }
};

const hoard = (): never => {
  const kept: number[][] = [];
  for (;;) kept.push(new Array<number>(100_000).fill(kept.length));
};

if (parentPort !== null) {
  serveRenders(parentPort, async (template, data) => {
    if (template.body === 'SPIN') spin();
    if (template.body === 'HOARD') hoard();
    return renderEmail(template, data);
  });
}
