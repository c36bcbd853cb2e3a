import { panelColour, stringAttr } from './attrs';
import type { AdfDoc, AdfMark, AdfNode } from './types';

/** REST v2 returns rich-text fields as Jira wiki markup; this is the conversion Jira applies to ADF. */

const wrapMark = (text: string, mark: AdfMark): string => {
  const attrs = mark.attrs ?? {};
  switch (mark.type) {
    case 'strong':
      return `*${text}*`;
    case 'em':
      return `_${text}_`;
    case 'code':
      return `{{${text}}}`;
    case 'strike':
      return `-${text}-`;
    case 'underline':
      return `+${text}+`;
    case 'subsup':
      return attrs.type === 'sup' ? `^${text}^` : `~${text}~`;
    case 'textColor':
      return `{color:${stringAttr(attrs.color) ?? ''}}${text}{color}`;
    case 'link':
      return `[${text}|${stringAttr(attrs.href) ?? ''}]`;
    default:
      return text;
  }
};

const markOrder = (mark: AdfMark): number => (mark.type === 'link' ? 1 : 0);

const inline = (node: AdfNode): string => {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'text':
      return [...(node.marks ?? [])].sort((a, b) => markOrder(a) - markOrder(b)).reduce(wrapMark, node.text ?? '');
    case 'hardBreak':
      return '\n';
    case 'mention':
      return `[~accountid:${stringAttr(attrs.id) ?? ''}]`;
    case 'emoji':
      return stringAttr(attrs.shortName) ?? '';
    case 'inlineCard':
      return `[${stringAttr(attrs.url) ?? ''}|${stringAttr(attrs.url) ?? ''}|smart-link]`;
    default:
      return (node.content ?? []).map(inline).join('');
  }
};

const inlines = (node: AdfNode): string => (node.content ?? []).map(inline).join('');

const list = (node: AdfNode, prefix: string): string =>
  (node.content ?? [])
    .map((item) =>
      (item.content ?? [])
        .map((child) => {
          if (child.type === 'bulletList') return list(child, `${prefix}*`);
          if (child.type === 'orderedList') return list(child, `${prefix}#`);
          return `${prefix} ${child.type === 'paragraph' ? inlines(child) : block(child)}`;
        })
        .join('\n'),
    )
    .join('\n');

const block = (node: AdfNode): string => {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'paragraph':
      return inlines(node);
    case 'heading':
      return `h${Number(attrs.level) || 1}. ${inlines(node)}`;
    case 'bulletList':
      return list(node, '*');
    case 'orderedList':
      return list(node, '#');
    case 'codeBlock': {
      const language = stringAttr(attrs.language);
      return `{code${language ? `:${language}` : ''}}${(node.content ?? []).map((child) => child.text ?? '').join('')}{code}`;
    }
    case 'blockquote':
      return `{quote}${(node.content ?? []).map(block).join('\n\n')}{quote}`;
    case 'rule':
      return '----';
    case 'mediaSingle':
    case 'mediaGroup':
      // Wiki markup names attachments by file name: `!name|thumbnail!` embeds an image, `[^name]` links a file.
      return (node.content ?? [])
        .map((media) => stringAttr(media.attrs?.alt))
        .filter((name): name is string => name !== undefined && name !== '')
        .map((name) => (node.type === 'mediaSingle' ? `!${name}|thumbnail!` : `[^${name}]`))
        .join(' ');
    case 'panel':
      return `{panel:bgColor=${panelColour(attrs.panelType)}}\n${(node.content ?? []).map(block).join('\n\n')}\n{panel}`;
    case 'table':
      return (node.content ?? [])
        .map((row) => {
          const cells = row.content ?? [];
          const header = cells.every((cell) => cell.type === 'tableHeader');
          const texts = cells.map((cell) => (cell.content ?? []).map(block).join(' '));
          return header ? `||${texts.join('||')}||` : `|${texts.join('|')}|`;
        })
        .join('\n');
    default:
      return node.content
        ? (node.content ?? []).map((child) => (child.type === 'text' ? inline(child) : block(child))).join('')
        : '';
  }
};

export const adfToWiki = (doc: AdfDoc): string => doc.content.map(block).join('\n\n');
