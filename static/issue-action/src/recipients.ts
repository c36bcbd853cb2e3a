/** Splits what people type or paste into an address field: commas or semicolons, spaces and line breaks. */
export function parseAddressList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
