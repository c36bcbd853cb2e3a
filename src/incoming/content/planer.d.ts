/**
 * planer (lever/planer, CommonJS, ships no types). Only its text mode is used: its HTML mode needs a full DOM with
 * XPath (jsdom: 11.9 MB in the bundle) and failed 4 of talon's 9 HTML replies (notes/i15/libraries.md).
 */
declare module 'planer' {
  /** The message without its quoted history; signatures stay (email-reply-parser removes them). */
  export const extractFromPlain: (text: string) => string;
}
