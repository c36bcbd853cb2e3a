import { sha256Hex } from '../../shared/sha256-hex';

/**
 * RFC 5322 3.6.4: a msg-id is `"<" id-left "@" id-right ">"`. Clients quote it with or without the angle brackets
 * and with stray whitespace; the id itself is compared exactly (its case can matter to the site that made it).
 */
export const normalMessageId = (internetMessageId: string): string => {
  const bare = internetMessageId.trim().replace(/^<+|>+$/g, '');
  return `<${bare}>`;
};

/**
 * The record key of a message. A message without a Message-ID (a draft, some system mail) is keyed by its mailbox
 * and the service's id instead: its copies cannot be told apart anyway.
 */
export const incomingMessageKey = (message: {
  internetMessageId: string;
  mailbox: string;
  graphMessageId: string;
}): string =>
  message.internetMessageId.trim() === ''
    ? sha256Hex(`graph:${message.mailbox.toLowerCase()}:${message.graphMessageId}`)
    : sha256Hex(normalMessageId(message.internetMessageId));
