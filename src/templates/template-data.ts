import type { CommentChoice } from '../contract/issue-email';
import type { IssueSnapshot } from '../jira/issue';
import { formatDate, formatDateTime } from '../shared/format-dates';
import { textToHtml } from '../shared/html-escape';
import { type SafeHtml, safeHtml } from './liquid-engine';
import { sanitizeJiraHtml } from './sanitize-jira-html';

export { findAttachmentImageIds } from './sanitize-jira-html';

/** Everything an email is rendered from: the issue as the sender may see it and the sender's choices. */
export interface TemplateIssueData {
  issue: IssueSnapshot;
  /** The Jira site, e.g. `https://example.atlassian.net`. */
  siteUrl: string;
  /** IANA zone dates are shown in. */
  timeZone: string;
  sender: { name: string; mailbox: string };
  /** The sender's own words, plain text. */
  message: string;
  include: { fields: boolean; description: boolean; comments: CommentChoice; latestComments: number };
  /** Newest first, already cut to what the sender chose. */
  comments: { author: string; created: string; bodyHtml: string }[];
  /** The files attached to the email. */
  attachments: { filename: string; size: number }[];
  /**
   * Jira attachment id -> content id, for each attachment embedded in the email. Data, not a lookup function:
   * the render runs in a thread of its own (render-thread-runner.ts) and only data crosses to it.
   */
  inlineImages?: ReadonlyMap<string, string>;
  /** The notification rule that sends the email; absent for one a person or Automation sends. */
  rule?: { name: string };
}

/** Absent values are nil, so `{% if issue.assignee %}` and `| default:` work as Liquid authors expect. */
type Text = string | undefined;

/** The variables a template sees; placeholders.ts documents each one. */
export interface TemplateContext {
  issue: {
    key: string;
    summary: string;
    url: string;
    status: Text;
    type: Text;
    priority: Text;
    assignee: Text;
    reporter: Text;
    created: Text;
    updated: Text;
    due_date: Text;
    /** Joined with ", "; `label_list` for loops. */
    labels: Text;
    label_list: string[];
    components: Text;
    component_list: string[];
    project: { key: string; name: string } | undefined;
    /** Nil when the sender left the description out. */
    description_html: SafeHtml | undefined;
  };
  comments: { author: string; created: string; body_html: SafeHtml }[];
  attachments: { filename: string; size: number; size_label: string }[];
  sender: { name: string; mailbox: string };
  message: Text;
  message_html: SafeHtml | undefined;
  include: { fields: boolean; description: boolean; comments: CommentChoice; latest_comments: number };
  site: { url: string };
  /** Nil unless a notification rule sends the email. */
  rule: { name: string } | undefined;
}

export const issueUrl = (siteUrl: string, issueKey: string): string =>
  `${siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(issueKey)}`;

/** `512 bytes`, `8.4 KB`, `340 KB`, `2.1 MB`. */
export const sizeLabel = (bytes: number): string => {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

const text = (value: string | undefined): Text => (value === undefined || value.trim() === '' ? undefined : value);

const list = (values: readonly string[]): Text => text(values.filter((value) => value.trim() !== '').join(', '));

const richText = (html: string | undefined, data: TemplateIssueData): SafeHtml | undefined => {
  if (html === undefined || html.trim() === '') return undefined;
  const clean = sanitizeJiraHtml(html, {
    siteUrl: data.siteUrl,
    inlineImage: (attachmentId) => data.inlineImages?.get(attachmentId),
  });
  return clean.trim() === '' ? undefined : safeHtml(clean);
};

/** The comments the choice allows, whatever the caller passed: a template cannot show more than was chosen. */
const chosenComments = (data: TemplateIssueData): TemplateIssueData['comments'] => {
  if (data.include.comments === 'none') return [];
  return data.include.comments === 'latest'
    ? data.comments.slice(0, Math.max(0, data.include.latestComments))
    : data.comments;
};

/** The Liquid context for `data`: Jira text as plain strings (escaped on output), rich text sanitized here. */
export const buildTemplateContext = (data: TemplateIssueData): TemplateContext => {
  const { issue, timeZone } = data;
  const siteUrl = data.siteUrl.replace(/\/+$/, '');
  const message = data.message.replace(/\r\n?/g, '\n').trim();
  return {
    issue: {
      key: issue.key,
      summary: issue.summary,
      url: issueUrl(siteUrl, issue.key),
      status: text(issue.status?.name),
      type: text(issue.issueType),
      priority: text(issue.priority),
      assignee: text(issue.assignee),
      reporter: text(issue.reporter),
      created: issue.created === undefined ? undefined : formatDateTime(issue.created, timeZone),
      updated: issue.updated === undefined ? undefined : formatDateTime(issue.updated, timeZone),
      due_date: issue.dueDate === undefined ? undefined : formatDate(issue.dueDate),
      labels: list(issue.labels),
      label_list: [...issue.labels],
      components: list(issue.components),
      component_list: [...issue.components],
      project: issue.project === undefined ? undefined : { key: issue.project.key, name: issue.project.name },
      description_html: data.include.description ? richText(issue.descriptionHtml, data) : undefined,
    },
    comments: chosenComments(data).map((comment) => ({
      author: comment.author,
      created: formatDateTime(comment.created, timeZone),
      body_html: richText(comment.bodyHtml, data) ?? safeHtml(''),
    })),
    attachments: data.attachments.map((attachment) => ({
      filename: attachment.filename,
      size: attachment.size,
      size_label: sizeLabel(attachment.size),
    })),
    sender: { name: data.sender.name, mailbox: data.sender.mailbox },
    message: text(message),
    message_html: message === '' ? undefined : safeHtml(textToHtml(message)),
    include: {
      fields: data.include.fields,
      description: data.include.description,
      comments: data.include.comments,
      latest_comments: data.include.latestComments,
    },
    site: { url: siteUrl },
    rule: data.rule === undefined ? undefined : { name: data.rule.name },
  };
};
