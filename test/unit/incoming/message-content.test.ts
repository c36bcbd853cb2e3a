import { authorHeading } from '../../../src/incoming/content/author-heading';
import { inlineImageAttachments } from '../../../src/incoming/content/inline-attachments';
import { resolveInlineImages } from '../../../src/incoming/content/inline-images';
import { extractMessageContent } from '../../../src/incoming/content/message-content';
import { adfSchemaErrors } from './support/adf-schema';
import { adfText } from './support/adf-text';

const QUOTED_TEXT =
  'Thanks, done.\n\nOn Mon, Mar 2, 2026 at 10:15 AM Issue Mailer <jira@example.com> wrote:\n> Please check.';

describe('extractMessageContent: what of a message goes into Jira', () => {
  it('a text body: the new part as ADF paragraphs', async () => {
    const content = await extractMessageContent({ body: { contentType: 'text', content: QUOTED_TEXT } });
    expect(content).toEqual({
      doc: {
        version: 1,
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Thanks, done.' }] }],
      },
      format: 'text',
      source: 'body',
      inlineImageContentIds: [],
    });
  });

  it('an HTML body: the new part, with the content ids of its inline images', async () => {
    const html =
      '<p>See the screenshot:</p><p><img src="cid:image001.png@01DA4F2B.5E2F3C40" alt="screen"></p>' +
      '<div class="gmail_quote">On Mon, Anna wrote:<blockquote>old</blockquote></div>';
    const content = await extractMessageContent({ body: { contentType: 'html', content: html } });
    expect(content.format).toBe('html');
    expect(content.inlineImageContentIds).toEqual(['image001.png@01DA4F2B.5E2F3C40']);
    expect(adfText(content.doc)).toBe('See the screenshot:\n\n[cid:image001.png@01DA4F2B.5E2F3C40]');
  });

  it('prefers uniqueBody when it leaves less (Exchange cut a quote the parsers do not know)', async () => {
    const body = 'Done.\n\nQuoted thing the parsers cannot see as a quote\nand more of it';
    const content = await extractMessageContent({
      body: { contentType: 'text', content: body },
      uniqueBody: { contentType: 'text', content: 'Done.' },
    });
    expect(content.source).toBe('uniqueBody');
    expect(adfText(content.doc)).toBe('Done.');
  });

  it('keeps the body when uniqueBody still holds the quote (Gmail) or is empty', async () => {
    const gmail = await extractMessageContent({
      body: { contentType: 'text', content: QUOTED_TEXT },
      uniqueBody: { contentType: 'text', content: QUOTED_TEXT },
    });
    expect([gmail.source, adfText(gmail.doc)]).toEqual(['body', 'Thanks, done.']);
    const empty = await extractMessageContent({
      body: { contentType: 'text', content: QUOTED_TEXT },
      uniqueBody: { contentType: 'text', content: ' ' },
    });
    expect(empty.source).toBe('body');
  });

  it('runs the parsers on uniqueBody too: its signature goes', async () => {
    const content = await extractMessageContent({
      body: { contentType: 'html', content: '<p>Ok.</p><p>Earlier text the parsers cannot tell from new text.</p>' },
      uniqueBody: { contentType: 'html', content: '<p>Ok.</p><p>Sent from my iPhone</p>' },
    });
    expect([content.source, adfText(content.doc)]).toEqual(['uniqueBody', 'Ok.']);
  });
});

describe('resolveInlineImages', () => {
  const doc = {
    version: 1 as const,
    type: 'doc' as const,
    content: [
      { type: 'inlineImagePlaceholder' as const, attrs: { contentId: 'a@x', alt: 'chart' } },
      { type: 'inlineImagePlaceholder' as const, attrs: { contentId: 'b@x', alt: '' } },
    ],
  };

  it('writes the alt text of an image that was not uploaded, and leaves out one without alt text', () => {
    const adf = resolveInlineImages(doc, () => undefined);
    expect(adf.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: '[chart]' }] }]);
    expect(adfSchemaErrors(adf)).toEqual([]);
  });
});

describe('authorHeading: who wrote it and when', () => {
  it('names the sender, links the address and writes the sent time', () => {
    const heading = authorHeading({
      from: { name: 'Anna  Schmidt', address: 'anna@example.org' },
      sentDateTime: '2026-03-02T09:15:00Z',
    });
    expect(heading).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Anna Schmidt', marks: [{ type: 'strong' }] },
        { type: 'text', text: ' <' },
        {
          type: 'text',
          text: 'anna@example.org',
          marks: [{ type: 'link', attrs: { href: 'mailto:anna@example.org' } }],
        },
        { type: 'text', text: '>' },
        { type: 'text', text: ' wrote on 2 Mar 2026, 09:15 UTC:' },
      ],
    });
    expect(adfSchemaErrors({ version: 1, type: 'doc', content: [heading] })).toEqual([]);
  });

  it('writes the time in the given zone, the received time when there is no sent time', () => {
    const heading = authorHeading(
      { from: { address: 'anna@example.org' }, receivedDateTime: '2026-03-02T09:15:00Z' },
      { timeZone: 'Europe/Berlin' },
    );
    expect(adfText(heading)).toBe('<anna@example.org> wrote on 2 Mar 2026, 10:15 (Europe/Berlin):');
  });

  it('says so when the sender is unknown, and keeps markup in a name as text', () => {
    expect(adfText(authorHeading({ from: null }))).toBe('<unknown sender> wrote:');
    const heading = authorHeading({ from: { name: '<b>[x](javascript:1)</b>', address: 'a@b.c' } });
    expect(heading.content?.[0]).toEqual({
      type: 'text',
      text: '<b>[x](javascript:1)</b>',
      marks: [{ type: 'strong' }],
    });
  });
});

describe('inlineImageAttachments', () => {
  const attachments = [
    { name: 'report.pdf', contentType: 'application/pdf', size: 5000, isInline: false, contentId: null },
    {
      name: 'image001.png',
      contentType: 'image/png',
      size: 800,
      isInline: true,
      contentId: 'image001.png@01DA4F2B.5E2F3C40',
    },
    { name: 'photo.jpg', contentType: 'image/jpeg', size: 9000, isInline: true, contentId: '<Photo-1@Example.org>' },
  ];

  it('finds each inline image by its content id, in the content order, and leaves out the missing', () => {
    expect(
      inlineImageAttachments(['photo-1@example.org', 'missing@x', 'image001.png%4001DA4F2B.5E2F3C40'], attachments),
    ).toEqual([
      { contentId: 'photo-1@example.org', attachment: attachments[2] },
      { contentId: 'image001.png%4001DA4F2B.5E2F3C40', attachment: attachments[1] },
    ]);
  });
});
