import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { AdfNode } from '../../src/incoming/content/adf';
import { extractHtmlReply } from '../../src/incoming/content/html-reply';
import { resolveInlineImages } from '../../src/incoming/content/inline-images';
import { adfSchemaErrors } from './support/adf-schema';

const FIXTURES = join(__dirname, 'fixtures');
const own = (name: string): string => readFileSync(join(FIXTURES, 'own', `${name}.html`), 'utf8');

const text = (value: string, marks?: AdfNode['marks']): AdfNode =>
  marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks };
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const item = (...content: AdfNode[]): AdfNode => ({ type: 'listItem', content: [paragraph(...content)] });

describe('extractHtmlReply: the new part of an HTML reply as ADF', () => {
  it('Outlook desktop (Word HTML): the quote under the From/Sent block and the "Kind regards" signature go', () => {
    expect(extractHtmlReply(own('outlook-desktop')).doc.content).toEqual([
      paragraph(text('Hi,')),
      paragraph(text('the error is gone after the update. '), text('Thank you!', [{ type: 'strong' }])),
    ]);
  });

  it('Outlook on the web: the #Signature block and everything from #appendonsend go; the list stays', () => {
    expect(extractHtmlReply(own('outlook-web')).doc.content).toEqual([
      paragraph(text('Works now, thanks.')),
      { type: 'bulletList', content: [item(text('VPN: fine')), item(text('Mail: fine'))] },
    ]);
  });

  it('Gmail: gmail_quote and gmail_signature go; the ordered list, its link and emphasis stay', () => {
    expect(extractHtmlReply(own('gmail')).doc.content).toEqual([
      paragraph(text('Sure, here are the steps:')),
      {
        type: 'orderedList',
        attrs: { order: 1 },
        content: [
          item(
            text('Open '),
            text('the settings', [{ type: 'link', attrs: { href: 'https://example.org/settings' } }]),
          ),
          item(text('Click '), text('Reset', [{ type: 'em' }])),
        ],
      },
    ]);
  });

  it('Apple Mail: the cited blockquotes and "Sent from my iPhone" go; the inline image is a placeholder', () => {
    expect(extractHtmlReply(own('apple-mail')).doc.content).toEqual([
      paragraph(text('Here is the photo of the display:')),
      {
        type: 'inlineImagePlaceholder',
        attrs: { contentId: 'D3A1F0B2-5C4E-4F7A-9B8E-1A2B3C4D5E6F', alt: 'IMG_0042.jpeg' },
      },
    ]);
  });

  it('cuts the history from #appendonsend on in a fragment without <body>, at every level', () => {
    const html =
      '<div><p>New text</p><div><div id="appendonsend"></div><p>old 1</p></div><p>old 2</p></div><p>old 3</p>';
    expect(extractHtmlReply(html).doc.content).toEqual([paragraph(text('New text'))]);
  });

  it('leaves nothing of a body that is only a quote', () => {
    const html = '<div class="gmail_quote">On Mon, Anna wrote:<blockquote>old</blockquote></div>';
    expect(extractHtmlReply(html).doc.content).toEqual([]);
  });
});

/** Every href and url in a document, at any depth. */
const urlsOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(urlsOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    (key === 'href' || key === 'url') && typeof inner === 'string' ? [inner] : urlsOf(inner),
  );
};

describe('HTML with scripts becomes harmless ADF', () => {
  const reply = extractHtmlReply(own('rich'));
  const adf = resolveInlineImages(reply.doc, (contentId) =>
    contentId === 'logo@example.org'
      ? { mediaId: 'f3e1a2b4-0c1d-4e5f-8a9b-0c1d2e3f4a5b', width: 120, height: 40 }
      : undefined,
  );
  const json = JSON.stringify(adf);

  it('is valid ADF (the JSON schema of @atlaskit/adf-schema)', () => {
    expect(adfSchemaErrors(adf)).toEqual([]);
  });

  it('keeps no script, style, handler, iframe, form or object: none of their text or attributes', () => {
    for (const gone of ["alert('", 'alert(0)', 'alert(1)', 'alert(6)', 'alert(7)', 'alert(8)', 'alert(9)']) {
      expect(json).not.toContain(gone);
    }
    for (const gone of ['injected', 'secret', 'password', 'evil', 'background', 'onclick', 'onerror', 'Hostile']) {
      expect(json).not.toContain(gone);
    }
  });

  it('links only to http(s) and mailto: javascript:, data: and entity-hidden javascript: links lose their mark', () => {
    expect(urlsOf(adf)).toEqual(['https://example.org/a?x=1&y=2']);
    // The text `<javascript:alert(5)>` the sender wrote stays text: marked would have made it a link.
    expect(json).toContain('"text":"javascript:alert(5)"');
  });

  it('drops remote images (the tracking pixel) and puts the uploaded inline image in place', () => {
    expect(json).not.toContain('tracker');
    expect(adf.content).toContainEqual({
      type: 'mediaSingle',
      attrs: { layout: 'center' },
      content: [
        {
          type: 'media',
          attrs: {
            type: 'file',
            id: 'f3e1a2b4-0c1d-4e5f-8a9b-0c1d2e3f4a5b',
            collection: '',
            alt: 'Logo',
            width: 120,
            height: 40,
          },
        },
      ],
    });
  });

  it('keeps the structure: nested lists, a table with headers, a code block', () => {
    const types = adf.content.map((node) => node.type);
    expect(types).toEqual(['paragraph', 'mediaSingle', 'paragraph', 'paragraph', 'bulletList', 'table', 'codeBlock']);
  });

  const corpus = [
    ...readdirSync(join(FIXTURES, 'own'))
      .filter((name) => name.endsWith('.html'))
      .map((name) => `own/${name}`),
    ...readdirSync(join(FIXTURES, 'talon/html_replies')).map((name) => `talon/html_replies/${name}`),
  ];

  it.each(corpus)('%s converts to valid ADF (inline images resolved or left out)', (path) => {
    const doc = extractHtmlReply(readFileSync(join(FIXTURES, path), 'utf8')).doc;
    expect(adfSchemaErrors(resolveInlineImages(doc, () => ({ mediaId: 'id-1', width: 10, height: 10 })))).toEqual([]);
    expect(adfSchemaErrors(resolveInlineImages(doc, () => undefined))).toEqual([]);
  });
});
