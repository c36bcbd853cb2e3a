import type { RetryPolicy } from '../../../http/retry';
import type { MailAttachment, OutgoingMessage } from '../../../mail-model/outgoing-message';
import { readCreatedDraft } from './graph-answers';
import { describeCall, type GraphClientDeps, graphJson, type GraphReceipt, graphRequest } from './graph-request';
import { checkMessage, userPath } from './mail-client';
import { toFileAttachment, toGraphMessage } from './mail-message';

export interface CreatedDraft {
  /** Graph's message id, for the calls that follow. */
  id: string;
  /** The Message-ID the sent mail will carry (the client's, when it chose one). */
  internetMessageId: string | undefined;
  conversationId: string | undefined;
  receipt: Omit<GraphReceipt, 'text'>;
}

const messagesUrl = (deps: GraphClientDeps, mailbox: string): string => `${userPath(deps, mailbox)}/messages`;
const draftUrl = (deps: GraphClientDeps, mailbox: string, draftId: string): string =>
  `${messagesUrl(deps, mailbox)}/${encodeURIComponent(draftId)}`;

const withoutText = ({ text: _text, ...receipt }: GraphReceipt): Omit<GraphReceipt, 'text'> => receipt;

/** `POST /users/{mailbox}/messages` (Mail.ReadWrite): a draft in Drafts, without attachments, expecting 201. */
export const createDraft = async (
  mailbox: string,
  message: OutgoingMessage,
  deps: GraphClientDeps,
): Promise<CreatedDraft> => {
  const url = messagesUrl(deps, mailbox);
  checkMessage(message, describeCall('POST', url));
  const { data, ...receipt } = await graphJson(
    { method: 'POST', url, body: JSON.stringify(toGraphMessage(message)), expect: [201] },
    readCreatedDraft,
    deps,
  );
  return {
    id: data.id,
    internetMessageId: data.internetMessageId ?? undefined,
    conversationId: data.conversationId ?? undefined,
    receipt: withoutText(receipt),
  };
};

/**
 * `POST /users/{mailbox}/messages/{id}/attachments` with a fileAttachment, expecting 201. Only for files under
 * 3 MB: their base64 must fit a 4 MB request (delivery-plan.ts sends bigger ones through an upload session).
 */
export const addAttachment = async (
  mailbox: string,
  draftId: string,
  attachment: MailAttachment,
  deps: GraphClientDeps,
): Promise<Omit<GraphReceipt, 'text'>> => {
  const receipt = await graphRequest(
    {
      method: 'POST',
      url: `${draftUrl(deps, mailbox, draftId)}/attachments`,
      body: JSON.stringify(toFileAttachment(attachment)),
      expect: [201],
    },
    deps,
  );
  // The answer echoes the file's base64; nothing in it is needed.
  return withoutText(receipt);
};

/** `POST /users/{mailbox}/messages/{id}/send` (Mail.Send), expecting 202: the draft goes out and moves to Sent Items. */
export const sendDraft = async (
  mailbox: string,
  draftId: string,
  deps: GraphClientDeps,
): Promise<Omit<GraphReceipt, 'text'>> =>
  withoutText(
    await graphRequest(
      {
        method: 'POST',
        url: `${draftUrl(deps, mailbox, draftId)}/send`,
        expect: [202],
        unsure: 'the mail may or may not have been sent',
      },
      deps,
    ),
  );

/** A cleanup must not hold up the error it follows: one attempt. */
const NO_RETRY: RetryPolicy = { maxRetries: 0, budgetMs: 10_000, baseDelayMs: 0, minAttemptMs: 2_000 };

/**
 * `DELETE /users/{mailbox}/messages/{id}`, expecting 204 (or 404: already gone, e.g. sent after all). Used to
 * clean up after a failure, so it tries once; callers treat its failure as a warning.
 */
export const deleteDraft = async (mailbox: string, draftId: string, deps: GraphClientDeps): Promise<void> => {
  await graphRequest(
    { method: 'DELETE', url: draftUrl(deps, mailbox, draftId), expect: [204, 404], retryPolicy: NO_RETRY },
    deps,
  );
};
