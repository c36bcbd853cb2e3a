import { BUILT_IN_TEMPLATE_ID, type TemplateView } from '../contract/templates';

const SUBJECT = '[{{ issue.key }}] {{ issue.summary }}';

/*
 * Authored with a stylesheet and classes; inline-css.ts moves the rules into style attributes (and background
 * colours into bgcolor) after rendering. Tables for layout, since Outlook's Word engine has no flex or grid; the
 * conditional table gives Outlook the 640px width it cannot take from max-width; the @media rules stay in a
 * <style> for phones.
 */
const BODY = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>[{{ issue.key }}] {{ issue.summary }}</title>
<style>
  body { margin: 0; padding: 0; background-color: #f4f5f7; }
  .canvas { width: 100%; background-color: #f4f5f7; }
  .outer { padding: 24px 12px; }
  .container { width: 100%; max-width: 640px; }
  .preheader { display: none; max-height: 0; overflow: hidden; }
  /* Outlook does not pass fonts on to nested tables: every cell that holds text names the font itself. */
  .note, .card, .eyebrow, .title, .field-label, .field-value, .section, .rich-text td, .rich-text th, .file-name, .file-size, .button, .footer {
    font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
  }
  .note { padding: 0 4px 20px 4px; font-size: 15px; line-height: 22px; color: #172b4d; }
  .card { padding: 24px; background-color: #ffffff; border: 1px solid #dfe1e6; border-radius: 6px; color: #172b4d; }
  .eyebrow { font-size: 12px; line-height: 16px; color: #5e6c84; text-transform: uppercase; letter-spacing: 0.04em; }
  .title { margin: 4px 0 16px 0; font-size: 20px; line-height: 28px; font-weight: 600; color: #172b4d; }
  .title a { color: #0052cc; text-decoration: none; }
  .fields { width: 100%; border-collapse: collapse; }
  .field-label { width: 120px; padding: 4px 12px 4px 0; font-size: 13px; line-height: 20px; color: #5e6c84; white-space: nowrap; vertical-align: top; }
  .field-value { padding: 4px 0; font-size: 14px; line-height: 20px; color: #172b4d; vertical-align: top; }
  .section { margin-top: 20px; padding-top: 16px; border-top: 1px solid #dfe1e6; font-size: 14px; line-height: 22px; color: #172b4d; }
  .section-title { margin-bottom: 8px; font-size: 12px; line-height: 16px; color: #5e6c84; text-transform: uppercase; letter-spacing: 0.04em; }
  .rich-text p { margin: 0 0 8px 0; }
  .rich-text a { color: #0052cc; }
  .rich-text img { max-width: 100%; height: auto; border: 0; }
  .rich-text table { border-collapse: collapse; margin: 8px 0; }
  .rich-text th { padding: 6px 8px; border: 1px solid #dfe1e6; background-color: #f4f5f7; text-align: left; }
  .rich-text td { padding: 6px 8px; border: 1px solid #dfe1e6; vertical-align: top; }
  .rich-text pre { padding: 8px 12px; background-color: #f4f5f7; border-radius: 3px; white-space: pre-wrap; font-family: Menlo, Consolas, monospace; font-size: 13px; }
  .rich-text code { font-family: Menlo, Consolas, monospace; font-size: 13px; }
  .rich-text blockquote { margin: 8px 0; padding-left: 12px; border-left: 3px solid #dfe1e6; color: #5e6c84; }
  .comment { padding: 8px 0; }
  .comment-meta { margin-bottom: 4px; font-size: 13px; line-height: 20px; color: #5e6c84; }
  .comment-author { font-weight: 600; color: #172b4d; }
  .files { width: 100%; border-collapse: collapse; }
  .file-name { padding: 4px 12px 4px 0; font-size: 14px; line-height: 20px; color: #172b4d; }
  .file-size { padding: 4px 0; font-size: 13px; line-height: 20px; color: #5e6c84; text-align: right; white-space: nowrap; }
  .actions { margin-top: 24px; }
  .button-cell { background-color: #0052cc; border-radius: 3px; }
  .button { display: inline-block; padding: 10px 18px; font-size: 14px; line-height: 20px; font-weight: 600; color: #ffffff; text-decoration: none; border-radius: 3px; }
  .footer { padding: 16px 4px 0 4px; font-size: 12px; line-height: 18px; color: #5e6c84; }
  @media only screen and (max-width: 600px) {
    .outer { padding: 12px 6px !important; }
    .card { padding: 16px !important; }
    .title { font-size: 18px !important; line-height: 24px !important; }
    .field-label { width: 90px !important; white-space: normal !important; }
    .actions, .button-cell { width: 100% !important; }
    .button { display: block !important; text-align: center !important; }
  }
</style>
</head>
<body>
<div class="preheader">{{ issue.key }}: {{ issue.summary }}</div>
<table role="presentation" class="canvas" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td class="outer" align="center">
<!--[if mso]><table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="container" cellpadding="0" cellspacing="0" border="0">
{%- if message_html %}
<tr><td class="note">{{ message_html }}</td></tr>
{%- endif %}
<tr><td class="card">
  {%- if issue.project or issue.type %}
  <div class="eyebrow">{{ issue.project.name }}{% if issue.project and issue.type %} · {% endif %}{{ issue.type }}</div>
  {%- endif %}
  <h1 class="title"><a href="{{ issue.url }}">{{ issue.key }}</a> {{ issue.summary }}</h1>
  {%- if include.fields %}
  <table role="presentation" class="fields" cellpadding="0" cellspacing="0" border="0">
    {%- if issue.status %}<tr><td class="field-label">Status</td><td class="field-value">{{ issue.status }}</td></tr>{% endif %}
    {%- if issue.type %}<tr><td class="field-label">Type</td><td class="field-value">{{ issue.type }}</td></tr>{% endif %}
    {%- if issue.priority %}<tr><td class="field-label">Priority</td><td class="field-value">{{ issue.priority }}</td></tr>{% endif %}
    <tr><td class="field-label">Assignee</td><td class="field-value">{{ issue.assignee | default: "Unassigned" }}</td></tr>
    {%- if issue.reporter %}<tr><td class="field-label">Reporter</td><td class="field-value">{{ issue.reporter }}</td></tr>{% endif %}
    {%- if issue.created %}<tr><td class="field-label">Created</td><td class="field-value">{{ issue.created }}</td></tr>{% endif %}
    {%- if issue.updated %}<tr><td class="field-label">Updated</td><td class="field-value">{{ issue.updated }}</td></tr>{% endif %}
    {%- if issue.due_date %}<tr><td class="field-label">Due date</td><td class="field-value">{{ issue.due_date }}</td></tr>{% endif %}
    {%- if issue.labels %}<tr><td class="field-label">Labels</td><td class="field-value">{{ issue.labels }}</td></tr>{% endif %}
    {%- if issue.components %}<tr><td class="field-label">Components</td><td class="field-value">{{ issue.components }}</td></tr>{% endif %}
  </table>
  {%- endif %}
  {%- if issue.description_html %}
  <div class="section">
    <div class="section-title">Description</div>
    <div class="rich-text">{{ issue.description_html }}</div>
  </div>
  {%- endif %}
  {%- if comments.size > 0 %}
  <div class="section">
    <div class="section-title">{% if include.comments == "all" %}Comments{% else %}Latest comments{% endif %}</div>
    {%- for comment in comments %}
    <div class="comment">
      <div class="comment-meta"><span class="comment-author">{{ comment.author }}</span> · {{ comment.created }}</div>
      <div class="rich-text">{{ comment.body_html }}</div>
    </div>
    {%- endfor %}
  </div>
  {%- endif %}
  {%- if attachments.size > 0 %}
  <div class="section">
    <div class="section-title">Attached files</div>
    <table role="presentation" class="files" cellpadding="0" cellspacing="0" border="0">
      {%- for attachment in attachments %}
      <tr><td class="file-name">{{ attachment.filename }}</td><td class="file-size">{{ attachment.size_label }}</td></tr>
      {%- endfor %}
    </table>
  </div>
  {%- endif %}
  <table role="presentation" class="actions" cellpadding="0" cellspacing="0" border="0">
    <tr><td class="button-cell"><a class="button" href="{{ issue.url }}">View in Jira</a></td></tr>
  </table>
</td></tr>
<tr><td class="footer">{% if rule %}Sent by the notification rule "{{ rule.name }}" in Issue Mailer.{% else %}Sent from Jira with Issue Mailer by {{ sender.name }}.{% endif %} The details above are as they were when this email was sent.</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;

/** The app's own template: what every email looks like until an admin writes another. Never stored. */
export const BUILT_IN_TEMPLATE: TemplateView = {
  id: BUILT_IN_TEMPLATE_ID,
  name: 'Standard',
  subject: SUBJECT,
  body: BODY,
  builtIn: true,
  updatedAt: null,
};
