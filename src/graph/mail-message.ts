/** An email as the app composes it; mail-client.ts turns it into Graph's `message` resource. */
export interface MailMessage {
  subject: string;
  /** A complete HTML document or fragment; sent as Graph body contentType HTML. */
  html: string;
  to: readonly string[];
  cc?: readonly string[];
  bcc?: readonly string[];
  replyTo?: readonly string[];
}

interface GraphRecipient {
  emailAddress: { address: string };
}

/** The `sendMail` request body (Graph v1.0 `user: sendMail`). */
export interface GraphSendMailBody {
  message: {
    subject: string;
    body: { contentType: 'HTML'; content: string };
    toRecipients: GraphRecipient[];
    ccRecipients: GraphRecipient[];
    bccRecipients: GraphRecipient[];
    replyTo?: GraphRecipient[];
  };
  saveToSentItems: boolean;
}

const recipients = (addresses: readonly string[] | undefined): GraphRecipient[] =>
  (addresses ?? []).map((address) => ({ emailAddress: { address } }));

export const toSendMailBody = (message: MailMessage, saveToSentItems: boolean): GraphSendMailBody => ({
  message: {
    subject: message.subject,
    body: { contentType: 'HTML', content: message.html },
    toRecipients: recipients(message.to),
    ccRecipients: recipients(message.cc),
    bccRecipients: recipients(message.bcc),
    ...(message.replyTo === undefined || message.replyTo.length === 0 ? {} : { replyTo: recipients(message.replyTo) }),
  },
  saveToSentItems,
});
