import { panelColour, stringAttr } from './attrs';
import { escapeHtml } from './escape';
import type { AdfDoc, AdfMark, AdfNode } from './types';

/** An attachment a `media` node shows, and the site-relative URL its bytes are served from. */
export interface MediaAttachment {
  src: string;
  filename: string;
  mimeType: string;
}

/** What the renderer needs from the site: mention names, profile links and embedded attachments. */
export interface HtmlRenderContext {
  siteUrl: string;
  displayNameOf: (accountId: string) => string | undefined;
  /** The attachment behind a media file id, when the site has it. */
  mediaAttachment?: (mediaId: string) => MediaAttachment | undefined;
}

/** Heading anchors as the wiki renderer makes them: the text without spaces or punctuation. */
const anchorOf = (text: string): string => text.replace(/[^\p{L}\p{N}_-]/gu, '');

const wrapMark = (html: string, mark: AdfMark): string => {
  const attrs = mark.attrs ?? {};
  switch (mark.type) {
    case 'strong':
      return `<b>${html}</b>`;
    case 'em':
      return `<em>${html}</em>`;
    case 'code':
      return `<tt>${html}</tt>`;
    case 'strike':
      return `<del>${html}</del>`;
    case 'underline':
      return `<ins>${html}</ins>`;
    case 'subsup':
      return attrs.type === 'sup' ? `<sup>${html}</sup>` : `<sub>${html}</sub>`;
    case 'textColor':
      return `<font color="${escapeHtml(stringAttr(attrs.color) ?? '')}">${html}</font>`;
    case 'link':
      return `<a href="${escapeHtml(stringAttr(attrs.href) ?? '')}" class="external-link" target="_blank" rel="nofollow noopener">${html}</a>`;
    default:
      return html;
  }
};

/** Links wrap outermost, as Jira nests them. */
const markOrder = (mark: AdfMark): number => (mark.type === 'link' ? 1 : 0);

const renderInline = (node: AdfNode, ctx: HtmlRenderContext): string => {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'text':
      return [...(node.marks ?? [])]
        .sort((a, b) => markOrder(a) - markOrder(b))
        .reduce(wrapMark, escapeHtml(node.text ?? ''));
    case 'hardBreak':
      return '<br/>';
    case 'mention': {
      const id = stringAttr(attrs.id) ?? '';
      const name = ctx.displayNameOf(id) ?? (stringAttr(attrs.text) ?? '').replace(/^@/, '');
      const href = `${ctx.siteUrl}/secure/ViewProfile.jspa?accountId=${encodeURIComponent(id)}`;
      return `<a href="${escapeHtml(href)}" class="user-hover" rel="${escapeHtml(id)}" data-account-id="${escapeHtml(id)}" accountid="${escapeHtml(id)}">${escapeHtml(name)}</a>`;
    }
    case 'emoji':
      return escapeHtml(stringAttr(attrs.text) ?? stringAttr(attrs.shortName) ?? '');
    case 'inlineCard': {
      const url = stringAttr(attrs.url) ?? '';
      return `<a href="${escapeHtml(url)}" class="external-link" target="_blank" rel="nofollow noopener">${escapeHtml(url)}</a>`;
    }
    case 'date': {
      const timestamp = Number(stringAttr(attrs.timestamp) ?? attrs.timestamp);
      return Number.isFinite(timestamp) ? escapeHtml(new Date(timestamp).toISOString().slice(0, 10)) : '';
    }
    case 'status':
      return `<span class="aui-lozenge">${escapeHtml(stringAttr(attrs.text) ?? '')}</span>`;
    default:
      return renderChildren(node, ctx, '');
  }
};

const inlines = (node: AdfNode, ctx: HtmlRenderContext): string =>
  (node.content ?? []).map((child) => renderInline(child, ctx)).join('');

const renderChildren = (node: AdfNode, ctx: HtmlRenderContext, separator = '\n\n'): string =>
  (node.content ?? []).map((child) => renderBlock(child, ctx)).join(separator);

/** A list item or table cell holding one paragraph renders its text bare, as Jira's wiki renderer does. */
const renderCompact = (node: AdfNode, ctx: HtmlRenderContext): string =>
  (node.content ?? [])
    .map((child) => (child.type === 'paragraph' ? inlines(child, ctx) : renderBlock(child, ctx)))
    .join('\n');

const renderList = (node: AdfNode, tag: 'ul' | 'ol', ctx: HtmlRenderContext): string => {
  const items = (node.content ?? []).map((item) => `\t<li>${renderCompact(item, ctx)}</li>`);
  return `<${tag}>\n${items.join('\n')}\n</${tag}>`;
};

const renderTable = (node: AdfNode, ctx: HtmlRenderContext): string => {
  const rows = (node.content ?? []).map((row) => {
    const cells = (row.content ?? []).map((cell) =>
      cell.type === 'tableHeader'
        ? `<th class='confluenceTh'>${renderCompact(cell, ctx)}</th>`
        : `<td class='confluenceTd'>${renderCompact(cell, ctx)}</td>`,
    );
    return `<tr>\n${cells.join('\n')}\n</tr>`;
  });
  return `<div class='table-wrap'>\n<table class='confluenceTable'><tbody>\n${rows.join('\n')}\n</tbody></table>\n</div>`;
};

/**
 * A known attachment renders as Jira Cloud renders it: an image as `<img>` from the REST content URL (site-relative;
 * the caller's session or token fetches it), another file as a link to it. An unknown one shows its name only.
 */
const renderMedia = (media: AdfNode, ctx: HtmlRenderContext): string => {
  const id = stringAttr(media.attrs?.id);
  const attachment = id === undefined ? undefined : ctx.mediaAttachment?.(id);
  if (attachment === undefined) {
    return `<p><span class="image-wrap" style="">${escapeHtml(stringAttr(media.attrs?.alt) ?? id ?? '')}</span></p>`;
  }
  const src = escapeHtml(attachment.src);
  const name = escapeHtml(attachment.filename);
  return attachment.mimeType.startsWith('image/')
    ? `<p><span class="image-wrap" style=""><img src="${src}" alt="${name}"></span></p>`
    : `<p><span class="nobr"><a href="${src}" title="${name}">${name}</a></span></p>`;
};

const renderBlock = (node: AdfNode, ctx: HtmlRenderContext): string => {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlines(node, ctx)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(attrs.level) || 1));
      const text = (node.content ?? []).map((child) => child.text ?? '').join('');
      return `<h${level}><a name="${escapeHtml(anchorOf(text))}"></a>${inlines(node, ctx)}</h${level}>`;
    }
    case 'bulletList':
      return renderList(node, 'ul', ctx);
    case 'orderedList':
      return renderList(node, 'ol', ctx);
    case 'codeBlock': {
      // Wiki {code} without a language is Java to Jira's renderer.
      const language = stringAttr(attrs.language) || 'java';
      const text = (node.content ?? []).map((child) => child.text ?? '').join('');
      return `<div class="code panel" style="border-width: 1px;"><div class="codeContent panelContent">\n<pre class="code-${escapeHtml(language)}">${escapeHtml(text)}</pre>\n</div></div>`;
    }
    case 'blockquote':
      return `<blockquote>${renderChildren(node, ctx, '\n')}</blockquote>`;
    case 'rule':
      return '<hr />';
    case 'panel': {
      const colour = panelColour(attrs.panelType);
      return `<div class="panel" style="background-color: ${colour};border-width: 1px;"><div class="panelContent" style="background-color: ${colour};">\n${renderChildren(node, ctx)}\n</div></div>`;
    }
    case 'table':
      return renderTable(node, ctx);
    case 'expand':
    case 'nestedExpand':
      return `<p><b>${escapeHtml(stringAttr(attrs.title) ?? '')}</b></p>\n\n${renderChildren(node, ctx)}`;
    case 'taskList':
    case 'decisionList':
      return `<ul>\n${(node.content ?? []).map((item) => `\t<li>${item.attrs?.state === 'DONE' ? '[x] ' : ''}${inlines(item, ctx)}</li>`).join('\n')}\n</ul>`;
    case 'mediaSingle':
    case 'mediaGroup':
      return (node.content ?? []).map((media) => renderMedia(media, ctx)).join('\n');
    default:
      return node.content ? `<p>${inlines(node, ctx)}</p>` : '';
  }
};

/** Renders ADF to the HTML Jira returns in `renderedFields` and `renderedBody`. */
export const adfToHtml = (doc: AdfDoc, ctx: HtmlRenderContext): string =>
  doc.content.map((node) => renderBlock(node, ctx)).join('\n\n');
