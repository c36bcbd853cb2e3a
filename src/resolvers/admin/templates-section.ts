import * as z from 'zod/mini';

import type { AdminDeps, AdminMailDeps } from '../../composition/admin-deps';
import { templateIdSchema, templateInputSchema, templatePreviewSchema } from '../../contract/templates';
import { resolverFunction } from '../resolver-kit';
import { adminOnly, type AdminSection, noPayload } from './admin-section';

export type TemplatesSectionDeps = Pick<AdminDeps, 'requestJira'> & { mail: Pick<AdminMailDeps, 'templates'> };

type TemplatesSection = AdminSection<
  'listTemplates' | 'saveTemplate' | 'deleteTemplate' | 'previewTemplate',
  'templates'
>;

const templateRefSchema = z.strictObject({ id: templateIdSchema });

/** The templates tab. */
export const templatesSection = (deps: TemplatesSectionDeps): TemplatesSection => {
  const admin = adminOnly(deps.requestJira);
  const templates = deps.mail.templates;
  const readers: TemplatesSection['readers'] = { templates: () => templates.list() };
  return {
    readers,
    functions: {
      listTemplates: resolverFunction({
        ...admin,
        name: 'listTemplates',
        schema: noPayload,
        run: () => readers.templates(),
      }),
      saveTemplate: resolverFunction({
        ...admin,
        name: 'saveTemplate',
        schema: templateInputSchema,
        run: (input) => templates.save(input),
      }),
      deleteTemplate: resolverFunction({
        ...admin,
        name: 'deleteTemplate',
        schema: templateRefSchema,
        run: async ({ id }) => {
          await templates.delete(id);
          return { id };
        },
      }),
      previewTemplate: resolverFunction({
        ...admin,
        name: 'previewTemplate',
        schema: templatePreviewSchema,
        run: ({ subject, body, issueKey }) => templates.preview({ subject, body }, issueKey),
      }),
    },
  };
};
