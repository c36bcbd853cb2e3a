import { GmailError, GmailErrorCode } from './gmail-errors';

/**
 * The fields of Gmail's `Message` resource a send answer must carry
 * (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages#Message).
 */
export interface SentMessage {
  id: string;
  threadId: string;
  labelIds: string[];
}

const invalid = (answered: string, problem: string): GmailError =>
  new GmailError(GmailErrorCode.AnswerInvalid, `${answered}: ${problem}`, { status: 200 });

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Gmail's answer to users.messages.send; a mismatch names the field. */
export const readSentMessage = (text: string, answered: string): SentMessage => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(answered, 'the body is not JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalid(answered, 'the body is not a JSON object.');
  }
  const { id, threadId, labelIds } = json as Record<string, unknown>;
  if (!nonEmpty(id)) throw invalid(answered, 'response field "id" must be a non-empty string.');
  if (!nonEmpty(threadId)) throw invalid(answered, 'response field "threadId" must be a non-empty string.');
  if (!Array.isArray(labelIds) || !labelIds.every(nonEmpty)) {
    throw invalid(answered, 'response field "labelIds" must be an array of non-empty strings.');
  }
  return { id, threadId, labelIds: [...labelIds] };
};
