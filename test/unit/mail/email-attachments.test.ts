import type { AttachmentOption } from '../../../src/contract/issue-email';
import { attachmentsToSend, referencedContentIds } from '../../../src/mail/email-attachments';

const SHOT: AttachmentOption = { id: '10100', filename: 'shot.png', size: 2_000, mimeType: 'image/png' };
const LOG: AttachmentOption = { id: '10101', filename: 'sync.log', size: 700, mimeType: 'text/plain' };
const SHOT_IMAGE = { meta: SHOT, contentId: 'image-10100@issue-mailer' };

const WITH_IMAGE = '<p>See</p><img src="cid:image-10100@issue-mailer" alt="shot.png">';
const WITHOUT_IMAGE = '<p>DEMO-1 Outlook does not sync</p>';

describe('attachmentsToSend', () => {
  it.each([
    ['a body without the description: no inline image', [], WITHOUT_IMAGE, []],
    [
      'a body that shows the image: attached once, inline',
      [],
      WITH_IMAGE,
      [{ meta: SHOT, inline: true, contentId: 'image-10100@issue-mailer' }],
    ],
    [
      'the image also chosen as a file: once, listed, with its content id for the body',
      [LOG, SHOT],
      WITH_IMAGE,
      [
        { meta: LOG, inline: false },
        { meta: SHOT, inline: false, contentId: 'image-10100@issue-mailer' },
      ],
    ],
    ['the image chosen, the body without it: a plain file', [SHOT], WITHOUT_IMAGE, [{ meta: SHOT, inline: false }]],
    ['a file chosen twice: once', [LOG, LOG], WITHOUT_IMAGE, [{ meta: LOG, inline: false }]],
  ] as const)('%s', (_case, chosen, html, expected) => {
    expect(attachmentsToSend(chosen, [SHOT_IMAGE], html)).toEqual(expected);
  });

  it('keeps an image the body shows in a CSS url() or %-encoded (RFC 2392)', () => {
    expect(attachmentsToSend([], [SHOT_IMAGE], '<td style="background:url(cid:image-10100%40issue-mailer)">')).toEqual([
      { meta: SHOT, inline: true, contentId: 'image-10100@issue-mailer' },
    ]);
  });

  it('does not take one content id for another that starts the same', () => {
    const other = { meta: { ...SHOT, id: '1010' }, contentId: 'image-1010@issue-mailer' };
    expect(attachmentsToSend([], [other, SHOT_IMAGE], WITH_IMAGE).map((attachment) => attachment.meta.id)).toEqual([
      '10100',
    ]);
  });
});

describe('referencedContentIds', () => {
  it('reads every cid: reference of the HTML, once each', () => {
    expect([...referencedContentIds('<img src="cid:a@x"><img src=\'cid:b@x\'><img src="cid:a@x">')]).toEqual([
      'a@x',
      'b@x',
    ]);
  });
});
