/*
 * The headers the app puts on every email it sends, by name: the use cases set them (src/mail/thread-identity.ts),
 * the providers' adapters and incoming mail's filters read them.
 */

/** Custom headers Graph accepts must start with `x-`; these let replies and the mailbox be matched to the issue. */
export const ISSUE_KEY_HEADER = 'x-issue-mailer-issue';
export const EMAIL_ID_HEADER = 'x-issue-mailer-email';
/**
 * RFC 3834's `Auto-Submitted: auto-generated` in the app's own namespace. Graph's JSON sendMail refuses any header
 * name without the `x-` prefix (400 InvalidInternetMessageHeader; the sendMail page only shows `x-` examples:
 * https://learn.microsoft.com/en-us/graph/api/user-sendmail?view=graph-rest-1.0), and Exchange removes
 * `Auto-Submitted` from MIME submissions too (microsoftgraph/msgraph-sdk-dotnet#2209), so the real header cannot be
 * sent through Graph. This one tells other Issue Mailer sites, and our own incoming filters, that no person wrote it.
 */
export const AUTO_SUBMITTED_HEADER = 'x-issue-mailer-auto-submitted';
/**
 * Exchange and Outlook honour this on automatic mail: OOF and other auto-replies are not sent back
 * (MS-OXCMAIL 2.1.3.2.20 Auto Response Suppress:
 * https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/ced68690-498a-4567-9d14-5c01f974d8b1).
 * Not `All`: that also suppresses non-delivery reports, and a bounce is how an admin learns an address is dead.
 */
export const AUTO_RESPONSE_SUPPRESS_HEADER = 'X-Auto-Response-Suppress';
