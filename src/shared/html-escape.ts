const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a double- or single-quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

/** Plain text a person typed, as HTML: escaped, line breaks kept. */
export const textToHtml = (text: string): string => escapeHtml(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>\n');
