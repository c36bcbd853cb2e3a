/**
 * The template engine: what needs liquidjs and its HTML libraries (juice, cheerio, xss). Nothing imports this
 * module but load-template-engine.ts, through a dynamic import(), so a function's bundle holds it as a chunk of its
 * own (build/forge-bundle/template-engine.cjs) that is loaded when a template is first rendered, analysed or
 * checked, never when the function starts. The email worker, which sends what was rendered when the email was
 * queued, never loads it at all.
 */
export { renderEmail, renderSubject } from './render-email';
export { findAttachmentImageIds } from './sanitize-jira-html';
export { analyseTemplateUses } from './template-uses';
export { findUnknownPlaceholders } from './unknown-placeholders';
