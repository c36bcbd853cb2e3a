import type { IssueSnapshot } from '../jira/issue';
import { formatDate, formatDateTime } from './format-dates';
import { escapeHtml, textToHtml } from './html-escape';
import { sanitizeDescription } from './sanitize-description';

export interface IssueEmailContent {
  issue: IssueSnapshot;
  /** The Jira site, e.g. `https://example.atlassian.net`, without a trailing slash. */
  siteUrl: string;
  subject: string;
  /** What the sender wrote above the issue, plain text. */
  senderMessage: string;
  /** IANA zone the dates are shown in. */
  timeZone?: string;
}

export interface ComposedEmail {
  subject: string;
  html: string;
}

const MAX_SUBJECT = 255;
const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT = '#172b4d';
const MUTED = '#5e6c84';
const LINK = '#0052cc';
const BORDER = '#dfe1e6';
const CANVAS = '#f4f5f7';

/** `[KEY] summary`, shortened to fit the 255 characters a subject may have. */
export const defaultSubject = (issue: Pick<IssueSnapshot, 'key' | 'summary'>): string => {
  const subject = `[${issue.key}] ${issue.summary.replace(/\s+/g, ' ').trim()}`;
  return subject.length <= MAX_SUBJECT ? subject : `${subject.slice(0, MAX_SUBJECT - 1).trimEnd()}…`;
};

export const issueUrl = (siteUrl: string, issueKey: string): string =>
  `${siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(issueKey)}`;

const fieldRows = (issue: IssueSnapshot, timeZone: string): Array<[string, string]> => {
  const rows: Array<[string, string | undefined]> = [
    ['Status', issue.status?.name],
    ['Type', issue.issueType],
    ['Priority', issue.priority],
    ['Assignee', issue.assignee ?? 'Unassigned'],
    ['Reporter', issue.reporter],
    ['Created', issue.created === undefined ? undefined : formatDateTime(issue.created, timeZone)],
    ['Updated', issue.updated === undefined ? undefined : formatDateTime(issue.updated, timeZone)],
    ['Due date', issue.dueDate === undefined ? undefined : formatDate(issue.dueDate)],
    ['Labels', issue.labels.length === 0 ? undefined : issue.labels.join(', ')],
    ['Components', issue.components.length === 0 ? undefined : issue.components.join(', ')],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
};

const fieldTable = (rows: Array<[string, string]>): string =>
  `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;">` +
  rows
    .map(
      ([label, value]) =>
        `<tr><td width="120" valign="top" style="padding:4px 12px 4px 0;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED};white-space:nowrap;">${escapeHtml(label)}</td>` +
        `<td valign="top" style="padding:4px 0;font-family:${FONT};font-size:14px;line-height:20px;color:${TEXT};">${escapeHtml(value)}</td></tr>`,
    )
    .join('') +
  `</table>`;

const button = (href: string, label: string): string =>
  `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin-top:24px;"><tr>` +
  `<td bgcolor="${LINK}" style="border-radius:3px;background-color:${LINK};">` +
  `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;font-family:${FONT};font-size:14px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:3px;">${escapeHtml(label)}</a>` +
  `</td></tr></table>`;

/**
 * The email for an issue: the sender's note first, then a card with the issue's key and summary (linked),
 * its key fields, its rendered description and a "View in Jira" button. Table layout with inline styles, which
 * is what Outlook, Gmail and Apple Mail agree on. All Jira text is escaped; the description is sanitized.
 */
export const composeIssueEmail = (content: IssueEmailContent): ComposedEmail => {
  const { issue, siteUrl } = content;
  const timeZone = content.timeZone ?? 'UTC';
  const href = issueUrl(siteUrl, issue.key);
  const note = content.senderMessage.trim();
  const context = [issue.project?.name, issue.issueType].filter((part): part is string => Boolean(part)).join(' · ');
  const description =
    issue.descriptionHtml === undefined || issue.descriptionHtml.trim() === ''
      ? ''
      : sanitizeDescription(issue.descriptionHtml, siteUrl.replace(/\/+$/, ''));

  const html =
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(content.subject)}</title></head>\n` +
    `<body style="margin:0;padding:0;background-color:${CANVAS};">\n` +
    `<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(`${issue.key}: ${issue.summary}`)}</div>\n` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${CANVAS};"><tr><td align="center" style="padding:24px 12px;">\n` +
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;">\n` +
    (note === ''
      ? ''
      : `<tr><td style="padding:0 4px 20px 4px;font-family:${FONT};font-size:15px;line-height:22px;color:${TEXT};">${textToHtml(note)}</td></tr>\n`) +
    `<tr><td style="background-color:#ffffff;border:1px solid ${BORDER};border-radius:6px;padding:24px;">\n` +
    (context === ''
      ? ''
      : `<div style="font-family:${FONT};font-size:12px;line-height:16px;color:${MUTED};text-transform:uppercase;letter-spacing:0.04em;">${escapeHtml(context)}</div>\n`) +
    `<h1 style="margin:4px 0 16px 0;font-family:${FONT};font-size:20px;line-height:28px;font-weight:600;color:${TEXT};">` +
    `<a href="${escapeHtml(href)}" style="color:${LINK};text-decoration:none;">${escapeHtml(issue.key)}</a> ${escapeHtml(issue.summary)}</h1>\n` +
    fieldTable(fieldRows(issue, timeZone)) +
    '\n' +
    (description === ''
      ? ''
      : `<div style="margin-top:20px;padding-top:16px;border-top:1px solid ${BORDER};font-family:${FONT};font-size:14px;line-height:22px;color:${TEXT};">` +
        `<div style="font-size:12px;line-height:16px;color:${MUTED};text-transform:uppercase;letter-spacing:0.04em;margin-bottom:8px;">Description</div>` +
        `${description}</div>\n`) +
    button(href, 'View in Jira') +
    `\n</td></tr>\n` +
    `<tr><td style="padding:16px 4px 0 4px;font-family:${FONT};font-size:12px;line-height:18px;color:${MUTED};">` +
    `Sent from Jira with Issue Mailer. The details above are as they were when this email was sent.</td></tr>\n` +
    `</table>\n</td></tr></table>\n</body></html>\n`;

  return { subject: content.subject, html };
};
