import {
  AUTO_RESPONSE_SUPPRESS_HEADER,
  AUTO_SUBMITTED_HEADER,
  EMAIL_ID_HEADER,
  ISSUE_KEY_HEADER,
} from '../shared/app-headers';

export { AUTO_RESPONSE_SUPPRESS_HEADER, AUTO_SUBMITTED_HEADER, EMAIL_ID_HEADER, ISSUE_KEY_HEADER };

const SUPPRESSED_AUTO_RESPONSES = 'OOF, AutoReply';

export interface ThreadIdentity {
  headers: { name: string; value: string }[];
  /** Client-chosen RFC 5322 Message-ID; replies quote it in In-Reply-To and References. */
  internetMessageId: string;
}

/**
 * Who made the email: a person (the dialog) or the app on its own (a notification rule or an Automation rule). Mail
 * nobody wrote by hand must not start a conversation of auto-replies.
 */
export type EmailAuthor = 'person' | 'automatic';

/** The domain of the sender mailbox keeps the Message-ID unique to the tenant that sends it. */
export const threadIdentity = (
  emailId: string,
  issueKey: string,
  senderMailbox: string,
  author: EmailAuthor,
): ThreadIdentity => {
  const domain = senderMailbox.slice(senderMailbox.lastIndexOf('@') + 1).toLowerCase() || 'issue-mailer.invalid';
  return {
    headers: [
      { name: ISSUE_KEY_HEADER, value: issueKey },
      { name: EMAIL_ID_HEADER, value: emailId },
      ...(author === 'automatic'
        ? [
            { name: AUTO_SUBMITTED_HEADER, value: 'auto-generated' },
            { name: AUTO_RESPONSE_SUPPRESS_HEADER, value: SUPPRESSED_AUTO_RESPONSES },
          ]
        : []),
    ],
    internetMessageId: `<${emailId}.${issueKey.toLowerCase()}@${domain}>`,
  };
};
