/** As the rendered HTML writes an attribute value, so a `src` found in it is matched to the letter. */
const escapeAttribute = (value: string): string => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

const cidSource = (contentId: string): string => `src="${escapeAttribute(`cid:${contentId}`)}"`;

/**
 * Embedded images point at `cid:` parts, which a page cannot show: for a preview, the image with this content id
 * keeps no source and is named instead (`data-embedded`).
 */
export const nameEmbeddedImage = (html: string, contentId: string, filename: string): string =>
  html.split(cidSource(contentId)).join(`src="" data-embedded="${escapeAttribute(filename)}"`);

/** For a preview, the image with this content id shown from a `data:` URL instead of its `cid:` part. */
export const showEmbeddedImage = (html: string, contentId: string, dataUrl: string): string =>
  html.split(cidSource(contentId)).join(`src="${escapeAttribute(dataUrl)}"`);
