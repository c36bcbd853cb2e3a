import * as z from 'zod/mini';

/**
 * Template ids as the app makes them (lower-case letters, digits, dashes): every payload that names a template
 * checks this, so that an id of control or bidi characters is a validation error, not a failed storage read.
 */
export const TEMPLATE_ID_PATTERN = /^[a-z0-9-]{1,64}$/;
export const templateIdSchema = z.string().check(z.regex(TEMPLATE_ID_PATTERN, 'Not a template id.'));

/** The built-in template's id; it cannot be edited or deleted, only copied. */
export const BUILT_IN_TEMPLATE_ID = 'built-in';
export const MAX_TEMPLATE_BYTES = 100 * 1024;

export const templateInputSchema = z.strictObject({
  /** Absent to create a template. */
  id: z.optional(templateIdSchema),
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter a name.'), z.maxLength(80, 'Keep the name under 80 characters.')),
  subject: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter a subject.'), z.maxLength(1000, 'Keep the subject under 1,000 characters.')),
  body: z
    .string()
    .check(z.minLength(1, 'Enter the HTML body.'), z.maxLength(MAX_TEMPLATE_BYTES, 'Keep the body under 100 KB.')),
});
export type TemplateInput = z.input<typeof templateInputSchema>;

export const templatePreviewSchema = z.strictObject({
  subject: z.string().check(z.maxLength(1000, 'Keep the subject under 1,000 characters.')),
  body: z.string().check(z.maxLength(MAX_TEMPLATE_BYTES, 'Keep the body under 100 KB.')),
  /** The sample issue to render against; absent means the app's built-in sample. */
  issueKey: z.optional(
    z
      .string()
      .check(z.trim(), z.regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/, 'Enter an issue key such as DEMO-1.')),
  ),
});

export interface TemplateView {
  id: string;
  name: string;
  /** Liquid source of the subject line. */
  subject: string;
  /** Liquid source of the HTML body. */
  body: string;
  builtIn: boolean;
  updatedAt: string | null;
}

export interface TemplatePreview {
  subject: string;
  html: string;
  /** Which issue the preview used: a key, or "sample". */
  renderedWith: string;
  /** Placeholders the template names that no email has: they render as nothing. */
  unknownPlaceholders: UnknownPlaceholder[];
}

/** A variable the template reads that is neither a documented placeholder nor one the template sets itself. */
export interface UnknownPlaceholder {
  /** As written, e.g. `issue.nonexistent`. */
  name: string;
  field: 'subject' | 'body';
  /** Where its first use starts, 1-based. */
  line: number;
  column: number;
}

/** saveTemplate's answer: the stored template, and what it names that renders as nothing (saved anyway). */
export interface SavedTemplate extends TemplateView {
  unknownPlaceholders: UnknownPlaceholder[];
}

export interface PlaceholderDoc {
  /** As written in a template, e.g. `issue.key`. */
  name: string;
  description: string;
  /** What it renders for the sample issue. */
  example: string;
  /** Holds sanitized HTML: output it as is (`{{ issue.description_html }}` needs no filter). */
  html?: boolean;
}
