/** The one $filter the emulator evaluates on messages. */
export interface MessageFilter {
  internetMessageId: string;
}

// internetMessageId eq '<…>': property names match regardless of case in Graph; a quote inside the OData
// string literal is written twice.
const INTERNET_MESSAGE_ID_EQ = /^\s*internetMessageId\s+eq\s+'((?:[^']|'')*)'\s*$/i;

/** `internetMessageId eq '…'`, or undefined for any other filter (which the emulator does not evaluate). */
export const parseMessageFilter = (text: string): MessageFilter | undefined => {
  const match = INTERNET_MESSAGE_ID_EQ.exec(text);
  if (match?.[1] === undefined) return undefined;
  return { internetMessageId: match[1].replace(/''/g, "'") };
};
