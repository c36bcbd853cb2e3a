import type { AdfDoc, AdfMark, AdfNode } from '../adf/types';

/** Short builders so the seeded descriptions and comments read like the documents they are. */
type Inline = AdfNode | string;

const inline = (part: Inline): AdfNode => (typeof part === 'string' ? { type: 'text', text: part } : part);

export const doc = (...content: AdfNode[]): AdfDoc => ({ type: 'doc', version: 1, content });

export const p = (...parts: Inline[]): AdfNode => ({ type: 'paragraph', content: parts.map(inline) });

export const h = (level: 1 | 2 | 3 | 4 | 5 | 6, title: string): AdfNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text: title }],
});

const marked = (text: string, ...marks: AdfMark[]): AdfNode => ({ type: 'text', text, marks });

export const strong = (text: string): AdfNode => marked(text, { type: 'strong' });
export const em = (text: string): AdfNode => marked(text, { type: 'em' });
export const code = (text: string): AdfNode => marked(text, { type: 'code' });
export const strike = (text: string): AdfNode => marked(text, { type: 'strike' });
export const link = (text: string, href: string): AdfNode => marked(text, { type: 'link', attrs: { href } });

export const br = (): AdfNode => ({ type: 'hardBreak' });

export const mention = (accountId: string, displayName: string): AdfNode => ({
  type: 'mention',
  attrs: { id: accountId, text: `@${displayName}`, accessLevel: '' },
});

export const emoji = (shortName: string, text: string): AdfNode => ({ type: 'emoji', attrs: { shortName, text } });

/** A list item holds blocks; a bare string becomes one paragraph. */
const item = (entry: Inline | AdfNode[]): AdfNode => ({
  type: 'listItem',
  content: Array.isArray(entry) ? entry : [p(entry)],
});

export const ul = (...items: (Inline | AdfNode[])[]): AdfNode => ({ type: 'bulletList', content: items.map(item) });

export const ol = (...items: (Inline | AdfNode[])[]): AdfNode => ({
  type: 'orderedList',
  attrs: { order: 1 },
  content: items.map(item),
});

export const codeBlock = (language: string | null, text: string): AdfNode => ({
  type: 'codeBlock',
  attrs: language ? { language } : {},
  content: [{ type: 'text', text }],
});

export const quote = (...content: AdfNode[]): AdfNode => ({ type: 'blockquote', content });

export const panel = (
  panelType: 'info' | 'note' | 'warning' | 'success' | 'error',
  ...content: AdfNode[]
): AdfNode => ({
  type: 'panel',
  attrs: { panelType },
  content,
});

export const rule = (): AdfNode => ({ type: 'rule' });

/** The first row is the header row. */
export const table = (header: string[], ...rows: Inline[][]): AdfNode => ({
  type: 'table',
  attrs: { isNumberColumnEnabled: false, layout: 'default' },
  content: [
    { type: 'tableRow', content: header.map((cell) => ({ type: 'tableHeader', attrs: {}, content: [p(cell)] })) },
    ...rows.map((row) => ({
      type: 'tableRow',
      content: row.map((cell) => ({ type: 'tableCell', attrs: {}, content: [p(cell)] })),
    })),
  ],
});

/** An attached image shown in the text, as Jira's editor embeds it: a `mediaSingle` around a file `media` node. */
export const image = (mediaId: string, alt: string, width: number, height: number): AdfNode => ({
  type: 'mediaSingle',
  attrs: { layout: 'center' },
  content: [{ type: 'media', attrs: { id: mediaId, type: 'file', collection: '', alt, width, height } }],
});
