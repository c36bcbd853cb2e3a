import { systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { createRenderThreadRunner } from '../templates/render-thread-runner';
import { createTemplateService, type TemplateService } from '../templates/template-service';
import { createTemplateStore } from '../templates/template-store';

/**
 * Every email of this container renders in one warm render thread, stopped at the render deadline (a runaway
 * template cannot block the function); the thread starts with the first render.
 */
const renderThread = createRenderThreadRunner();

/** The templates in app storage, rendered in the container's render thread. */
export const buildTemplateService = (store: KvStore): TemplateService =>
  createTemplateService({ store: createTemplateStore(store), now: systemClock, render: renderThread.render });

/** The ids of every template, for settings and rules that name one. */
export const templateIdsOf = (templates: Pick<TemplateService, 'list'>) => async (): Promise<string[]> =>
  (await templates.list()).map((template) => template.id);
