import * as z from 'zod/mini';

import { MAX_TEMPLATE_BYTES } from '../contract/templates';
import { describeFirstSchemaProblem } from '../shared/describe-schema-problems';
import { IN_ENGLISH } from '../shared/schema-problem-messages';
import { TEMPLATE_PREFIX, templateIdFromKey, templateKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

/** An admin's template as kept in plain storage under `template:{id}`. */
export const storedTemplateSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  subject: z.string().check(z.maxLength(1000)),
  body: z.string().check(z.maxLength(MAX_TEMPLATE_BYTES)),
  updatedAt: z.string(),
});
export type StoredTemplate = z.infer<typeof storedTemplateSchema>;

export interface TemplateStore {
  /** Every readable template, in one query; unreadable records are left out (and logged). */
  list: () => Promise<StoredTemplate[]>;
  get: (id: string) => Promise<StoredTemplate | undefined>;
  put: (template: StoredTemplate) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

const parse = (value: unknown, key: string): StoredTemplate | undefined => {
  const read = storedTemplateSchema.safeParse(value, IN_ENGLISH);
  if (read.success && templateIdFromKey(key) === read.data.id) return read.data;
  // A record this release cannot read is left alone rather than breaking every other template.
  const problem = read.success ? 'its id does not match its key' : describeFirstSchemaProblem(read.error);
  console.warn(`[issue-mailer] ignoring unreadable record ${key}: ${problem}`);
  return undefined;
};

export const createTemplateStore = (store: KvStore): TemplateStore => ({
  list: async () => {
    const entries = await store.listByPrefix(TEMPLATE_PREFIX);
    return entries.flatMap(({ key, value }) => parse(value, key) ?? []);
  },
  get: async (id) => {
    const key = templateKey(id);
    const value = await store.get(key);
    return value === undefined ? undefined : parse(value, key);
  },
  put: async (template) => {
    await store.set(templateKey(template.id), storedTemplateSchema.parse(template, IN_ENGLISH));
  },
  remove: async (id) => {
    await store.delete(templateKey(id));
  },
});
