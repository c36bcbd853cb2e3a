import type { EmailRenderer } from './render-email';
import type * as TemplateEngineModule from './template-engine';

export type TemplateEngine = typeof TemplateEngineModule;

let loading: Promise<TemplateEngine> | undefined;

/**
 * The template engine (template-engine.ts), loaded on first use and kept for the container's later invocations.
 * @forge/bundler's webpack makes the dynamic import() a chunk of its own (the name below), which the bundle
 * requires from its folder the first time; a load that failed is tried again next time.
 */
export const loadTemplateEngine = (): Promise<TemplateEngine> =>
  (loading ??= import(/* webpackChunkName: "template-engine" */ './template-engine').catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));

/** renderEmail, with the engine loaded on first use: in a render thread, or where no thread renders (tests). */
export const renderEmailLazily: EmailRenderer = async (template, data) =>
  (await loadTemplateEngine()).renderEmail(template, data);
