import type { TemplateOption } from '../contract/issue-email';
import type { TemplateView } from '../contract/templates';
import type { IssueSnapshot } from '../jira/issue';
import { loadTemplateEngine } from '../templates/load-template-engine';
import { defaultSubject, subjectWithIssueKey } from './email-subject';
import { resolveSiteUrl } from './site-url';

export interface SubjectContext {
  issue: IssueSnapshot;
  siteUrl?: unknown;
  timeZone?: string;
  /** Read only when a template's subject names the sender. */
  senderName: () => Promise<string>;
  senderMailbox: string;
}

/**
 * Each template as the dialog offers it, with its subject for this issue: what "Subject" becomes when the template
 * is chosen (the key kept in it, as every sent subject has), and which content choices it looks at. A subject that does not render falls back to the
 * dialog's default, so one broken template never keeps the dialog from opening.
 */
export const templateOptions = async (
  templates: readonly TemplateView[],
  context: SubjectContext,
): Promise<TemplateOption[]> => {
  const { issue } = context;
  // The subjects are rendered, and the uses analysed, by the engine: loaded here, on the dialog's first draft.
  const { renderSubject, analyseTemplateUses } = await loadTemplateEngine();
  const sender = templates.some((template) => template.subject.includes('sender')) ? await context.senderName() : '';
  const data = {
    issue,
    siteUrl: resolveSiteUrl(context.siteUrl, issue.self),
    timeZone: context.timeZone ?? 'UTC',
    sender: { name: sender, mailbox: context.senderMailbox },
    message: '',
    include: { fields: true, description: true, comments: 'none' as const, latestComments: 1 },
    comments: [],
    attachments: [],
  };
  return Promise.all(
    templates.map(async (template) => {
      let subject: string;
      try {
        const rendered = await renderSubject(template.subject, data);
        subject = rendered === '' ? defaultSubject(issue) : subjectWithIssueKey(rendered, issue.key);
      } catch {
        subject = defaultSubject(issue);
      }
      // The dialog offers only the content choices the template looks at.
      return { id: template.id, name: template.name, subject, uses: analyseTemplateUses(template) };
    }),
  );
};
