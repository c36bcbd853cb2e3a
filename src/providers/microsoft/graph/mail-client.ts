import type { MailMessage, OutgoingMessage } from '../../../mail-model/outgoing-message';
import { GraphError, GraphErrorCode } from './errors';
import { allowedBase } from './graph-base';
import { describeCall, type GraphClientDeps, graphRequest } from './graph-request';
import { messageProblem, toSendMailBody } from './mail-message';

export { DEFAULT_GRAPH_TIMEOUT_MS, MAX_REQUEST_BYTES } from './graph-request';

export interface SendMailRequest {
  /** The sender: a user id or user principal name. */
  mailbox: string;
  message: MailMessage;
  saveToSentItems: boolean;
  /** The latest time the request may leave (graph-request.ts), for a send paced to a slot. */
  sendBy?: number;
}

export type SendMailDeps = GraphClientDeps;

export interface SendMailResult {
  /** Graph's request-id of the accepted call, when it sent one. */
  requestId: string | undefined;
  clientRequestId: string;
  attempts: number;
}

/**
 * The mailbox part of every mail URL, with the egress policy checked: `{base}/users/{mailbox}` for the app, or
 * `{base}/me` for a signed-in user, whose delegated token reaches that user's mailbox only (POST /me/sendMail:
 * https://learn.microsoft.com/en-us/graph/api/user-sendmail; /me/messages:
 * https://learn.microsoft.com/en-us/graph/api/user-post-messages; their send and upload sessions:
 * https://learn.microsoft.com/en-us/graph/api/message-send,
 * https://learn.microsoft.com/en-us/graph/api/attachment-createuploadsession). `mailbox` is then only the
 * sender's address as the credential names it.
 */
export const userPath = (deps: Pick<GraphClientDeps, 'graphBaseUrl' | 'env' | 'actingAs'>, mailbox: string): string => {
  const base = allowedBase(deps.graphBaseUrl, deps.env);
  return deps.actingAs === 'signed-in-user' ? `${base}/me` : `${base}/users/${encodeURIComponent(mailbox)}`;
};

/** Refuses, before anything is sent, what Graph would refuse about the custom headers and the Message-ID. */
export const checkMessage = (message: OutgoingMessage, where: string): void => {
  const problem = messageProblem(message);
  if (problem !== undefined) {
    throw new GraphError(GraphErrorCode.BadRequest, `${where} not sent: ${problem.text}`, { reason: problem.reason });
  }
};

/**
 * `POST {graphBaseUrl}/users/{mailbox}/sendMail` (or `/me/sendMail` as the signed-in user), expecting 202 Accepted, attachments and all in one request of at
 * most 4 MB (delivery-plan.ts decides when a draft is needed instead). Retries and token refresh: graph-request.ts.
 */
export const sendMail = async (request: SendMailRequest, deps: SendMailDeps): Promise<SendMailResult> => {
  const url = `${userPath(deps, request.mailbox)}/sendMail`;
  checkMessage(request.message, describeCall('POST', url));
  const receipt = await graphRequest(
    {
      method: 'POST',
      url,
      body: JSON.stringify(toSendMailBody(request.message, request.saveToSentItems)),
      expect: [202],
      unsure: 'the mail may or may not have been sent',
      ...(request.sendBy === undefined ? {} : { sendBy: request.sendBy }),
    },
    deps,
  );
  return { requestId: receipt.requestId, clientRequestId: receipt.clientRequestId, attempts: receipt.attempts };
};
