import type { Liquid, Template } from 'liquidjs';

import { inlineCss } from './inline-css';
import { htmlEngine, parseTemplate, renderTemplate, textEngine } from './liquid-engine';
import { buildTemplateContext, type TemplateContext, type TemplateIssueData } from './template-data';
import { TemplateError, type TemplateField } from './template-errors';
import { TemplateLimitExceeded } from './template-limits';
import { toTemplateError } from './to-template-error';

export interface EmailTemplateSource {
  /** Liquid, rendered as plain text. */
  subject: string;
  /** Liquid, rendered as HTML: every output escaped unless it is sanitized HTML or ends in `| raw`. */
  body: string;
}

export interface RenderedEmail {
  subject: string;
  /** The complete HTML document, styles inlined. */
  html: string;
}

/**
 * How an email is rendered: renderEmail itself in this thread (unit tests), or a render thread with a hard
 * deadline (render-thread-runner.ts) for the app's real entry points. The data must be plain data: it may
 * cross to another thread.
 */
export type EmailRenderer = (template: EmailTemplateSource, data: TemplateIssueData) => Promise<RenderedEmail>;

/** What a subject may have (Graph and the dialog's limit). */
export const MAX_SUBJECT_LENGTH = 255;
/** Far above any subject: output beyond this is a runaway loop, stopped before it grows. */
const SUBJECT_OUTPUT_LIMIT = 10_000;

const ENGINES: Readonly<Record<TemplateField, Liquid>> = { subject: textEngine, body: htmlEngine };

const parseField = (field: TemplateField, source: string): Template[] => {
  try {
    return parseTemplate(ENGINES[field], source);
  } catch (error) {
    throw toTemplateError(field, error);
  }
};

/**
 * How one email is rendered. `renderMs`: liquidjs's time limit per field, TEMPLATE_LIMITS.renderMs by default. The
 * counted limits (loops, ranges, memory) are what stop a hostile template; the time limit is their backstop, and
 * it measures wall time, so tests of a counted limit lift it: a busy machine must not stop the loop before the
 * count the test asserts.
 */
export interface RenderEmailOptions {
  renderMs?: number;
}

const renderField = async (
  field: TemplateField,
  templates: Template[],
  context: TemplateContext,
  options: RenderEmailOptions = {},
): Promise<string> => {
  try {
    return await renderTemplate(
      ENGINES[field],
      templates,
      context,
      field === 'subject' ? SUBJECT_OUTPUT_LIMIT : undefined,
      options.renderMs,
    );
  } catch (error) {
    throw toTemplateError(field, error);
  }
};

/** One line: whitespace (line breaks included) collapsed, cut with an ellipsis to what a subject may have. */
export const toSubjectLine = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_SUBJECT_LENGTH ? line : `${line.slice(0, MAX_SUBJECT_LENGTH - 1).trimEnd()}…`;
};

/** Throws TemplateError naming the field, line and column when the subject or the body does not parse. */
export const validateTemplate = (template: EmailTemplateSource): void => {
  parseField('subject', template.subject);
  parseField('body', template.body);
};

/** Only the subject line for `data`: what the dialog's Subject starts with when a template is chosen. */
export const renderSubject = async (subjectSource: string, data: TemplateIssueData): Promise<string> =>
  toSubjectLine(await renderField('subject', parseField('subject', subjectSource), buildTemplateContext(data)));

/**
 * The subject line and the HTML document for `data`. Throws TemplateError (field and position) when a part does
 * not parse or breaks a limit while rendering.
 */
export const renderEmail = async (
  template: EmailTemplateSource,
  data: TemplateIssueData,
  options: RenderEmailOptions = {},
): Promise<RenderedEmail> => {
  const subjectTemplates = parseField('subject', template.subject);
  const bodyTemplates = parseField('body', template.body);
  const context = buildTemplateContext(data);
  const subject = toSubjectLine(await renderField('subject', subjectTemplates, context, options));
  const body = await renderField('body', bodyTemplates, context, options);
  let html: string;
  try {
    html = inlineCss(body);
  } catch (error) {
    if (error instanceof TemplateLimitExceeded) throw toTemplateError('body', error);
    throw new TemplateError('body', 'the <style> rules could not be applied', undefined, { cause: error });
  }
  return { subject, html };
};
