import {
  BUILT_IN_TEMPLATE_ID,
  type SavedTemplate,
  type TemplatePreview,
  type TemplateView,
  type UnknownPlaceholder,
} from '../contract/templates';
import { type Clock, newUuid } from '../shared/seams';
import { BUILT_IN_TEMPLATE } from './built-in-template';
import { loadTemplateEngine, renderEmailLazily } from './load-template-engine';
import type { EmailRenderer, EmailTemplateSource, RenderedEmail } from './render-email';
import { SAMPLE_ISSUE_DATA } from './sample-issue';
import type { TemplateIssueData } from './template-data';
import { BuiltInTemplateReadOnlyError, TemplateInUseError, TemplateNotFoundError } from './template-errors';
import type { StoredTemplate, TemplateStore } from './template-store';

/** What saveTemplate's payload is after the contract's schema: trimmed, within its limits. */
export interface TemplateSaveInput {
  /** Absent to create a template. */
  id?: string | undefined;
  name: string;
  subject: string;
  body: string;
}

export interface TemplateServiceDeps {
  store: TemplateStore;
  now: Clock;
  /** A new template's id, `[a-z0-9-]{1,64}`. */
  newId?: () => string;
  /**
   * How emails are rendered: in this thread by default (the engine loaded on first use); the app's entry points
   * pass a render thread's.
   */
  render?: EmailRenderer;
}

export interface TemplateService {
  /** The built-in template first, then the admins' templates by name. */
  list: () => Promise<TemplateView[]>;
  /** Any template, the built-in one included; TemplateNotFoundError for an unknown id. */
  get: (id: string) => Promise<TemplateView>;
  /**
   * Creates (no id) or replaces a template; TemplateError when its Liquid does not parse or when rendering it
   * for the sample issue goes over a limit (TEMPLATE_LIMIT_EXCEEDED), so no email has to find that out later.
   * Placeholders no email has do not stop the save: the answer lists them.
   */
  save: (input: TemplateSaveInput) => Promise<SavedTemplate>;
  /** `inUse`: the ids that are some project's default template, which cannot be deleted. */
  delete: (id: string, inUse: readonly string[]) => Promise<void>;
  /** Renders a template as it would be sent for `data`; the built-in sample issue when absent. */
  preview: (template: EmailTemplateSource, data?: TemplateIssueData) => Promise<TemplatePreview>;
  /** The email `template` makes for `data`, rendered as every email is (within the render deadline). */
  render: (template: EmailTemplateSource, data: TemplateIssueData) => Promise<RenderedEmail>;
}

/** Twelve hex digits: short enough to read in a log, 2^48 against collisions among a site's few templates. */
const randomTemplateId = (): string => newUuid().replace(/-/g, '').slice(0, 12);

const toView = (template: StoredTemplate): TemplateView => ({
  id: template.id,
  name: template.name,
  subject: template.subject,
  body: template.body,
  builtIn: false,
  updatedAt: template.updatedAt,
});

const byName = (a: TemplateView, b: TemplateView): number =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

export const createTemplateService = (deps: TemplateServiceDeps): TemplateService => {
  const newId = deps.newId ?? randomTemplateId;
  const render = deps.render ?? renderEmailLazily;
  /** Placeholders no email has: the engine's analysis, loaded with the first save or preview. */
  const unknownPlaceholders = async (template: EmailTemplateSource): Promise<UnknownPlaceholder[]> =>
    (await loadTemplateEngine()).findUnknownPlaceholders(template);

  const find = async (id: string): Promise<StoredTemplate> => {
    const stored = await deps.store.get(id);
    if (stored === undefined) throw new TemplateNotFoundError(id);
    return stored;
  };

  return {
    list: async () => {
      const stored = await deps.store.list();
      return [BUILT_IN_TEMPLATE, ...stored.map(toView).sort(byName)];
    },

    get: async (id) => {
      if (id === BUILT_IN_TEMPLATE_ID) return BUILT_IN_TEMPLATE;
      return toView(await find(id));
    },

    save: async (input) => {
      if (input.id === BUILT_IN_TEMPLATE_ID) throw new BuiltInTemplateReadOnlyError();
      await render(input, SAMPLE_ISSUE_DATA);
      // An edit of a template deleted meanwhile is refused rather than bringing it back.
      const id = input.id === undefined ? newId() : (await find(input.id)).id;
      const template: StoredTemplate = {
        id,
        name: input.name,
        subject: input.subject,
        body: input.body,
        updatedAt: new Date(deps.now()).toISOString(),
      };
      await deps.store.put(template);
      return { ...toView(template), unknownPlaceholders: await unknownPlaceholders(input) };
    },

    delete: async (id, inUse) => {
      if (id === BUILT_IN_TEMPLATE_ID) throw new BuiltInTemplateReadOnlyError();
      await find(id);
      if (inUse.includes(id)) throw new TemplateInUseError(id);
      await deps.store.remove(id);
    },

    preview: async (template, data) => {
      const rendered = await render(template, data ?? SAMPLE_ISSUE_DATA);
      return {
        ...rendered,
        renderedWith: data === undefined ? 'sample' : data.issue.key,
        unknownPlaceholders: await unknownPlaceholders(template),
      };
    },

    render: (template, data) => render(template, data),
  };
};
