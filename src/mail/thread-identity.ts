/** Custom headers Graph accepts must start with `x-`; these let replies and the mailbox be matched to the issue. */
export const ISSUE_KEY_HEADER = 'x-issue-mailer-issue';
export const EMAIL_ID_HEADER = 'x-issue-mailer-email';

export interface ThreadIdentity {
  headers: { name: string; value: string }[];
  /** Client-chosen RFC 5322 Message-ID; replies quote it in In-Reply-To and References. */
  internetMessageId: string;
}

/** The domain of the sender mailbox keeps the Message-ID unique to the tenant that sends it. */
export const threadIdentity = (emailId: string, issueKey: string, senderMailbox: string): ThreadIdentity => {
  const domain = senderMailbox.slice(senderMailbox.lastIndexOf('@') + 1).toLowerCase() || 'issue-mailer.invalid';
  return {
    headers: [
      { name: ISSUE_KEY_HEADER, value: issueKey },
      { name: EMAIL_ID_HEADER, value: emailId },
    ],
    internetMessageId: `<${emailId}.${issueKey.toLowerCase()}@${domain}>`,
  };
};
