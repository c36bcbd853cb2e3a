import { nameEmbeddedImage, showEmbeddedImage } from '../../../src/mail/embedded-images';

const HTML = '<p><img src="cid:a&amp;b" alt="one"> <img src="cid:other"> <img src="cid:a&amp;b"></p>';
const RENDERED = HTML.replace(/&amp;/g, '&#38;');

describe('embedded images in a preview', () => {
  it('names every image of a content id, its file name escaped as the rendered HTML escapes it', () => {
    expect(nameEmbeddedImage(RENDERED, 'a&b', 'Q1 "final".png')).toBe(
      '<p><img src="" data-embedded="Q1 &#34;final&#34;.png" alt="one"> <img src="cid:other">' +
        ' <img src="" data-embedded="Q1 &#34;final&#34;.png"></p>',
    );
  });

  it('shows every image of a content id from its data: URL and leaves the others', () => {
    expect(showEmbeddedImage(RENDERED, 'a&b', 'data:image/png;base64,AAAA')).toBe(
      '<p><img src="data:image/png;base64,AAAA" alt="one"> <img src="cid:other">' +
        ' <img src="data:image/png;base64,AAAA"></p>',
    );
  });
});
