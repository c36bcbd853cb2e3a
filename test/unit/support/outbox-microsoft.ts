import { type FetchHandler, jsonResponse, type RecordedCall } from './fake-fetch';
import { GOOD_TOKEN } from './resolvers';

/** One answer of the scripted Microsoft; throwing in it is fetch failing (a network error, a timeout). */
export type Answer = () => Response;

const isToken = (call: RecordedCall) => call.url.includes('/oauth2/v2.0/token');
const isSend = (call: RecordedCall) => call.method === 'POST' && call.url.endsWith('/sendMail');
const isLookup = (call: RecordedCall) => call.method === 'GET' && call.url.includes('/messages?');
const isDelete = (call: RecordedCall) => call.method === 'DELETE';

/**
 * Microsoft as the outbox meets it: tokens, `sendMail` answered from `sends` in order (202 with a request-id once
 * they run out), the sender mailbox's lookup by Message-ID from `lookups` (nothing found once they run out), and
 * draft deletes (204). `graph` answers the rest of Graph (401 refreshes, other calls).
 */
export const outboxMicrosoft = () => {
  const sends: Answer[] = [];
  const lookups: Answer[] = [];
  const graph: Answer[] = [];
  let sent = 0;
  const handler: FetchHandler = (call) => {
    if (isToken(call)) return jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: GOOD_TOKEN });
    if (isLookup(call)) return (lookups.shift() ?? (() => found([])))();
    if (isDelete(call)) return new Response(null, { status: 204 });
    if (isSend(call)) {
      sent += 1;
      const answer = sends.shift();
      return answer === undefined
        ? new Response(null, { status: 202, headers: { 'request-id': `req-send-${sent}` } })
        : answer();
    }
    const answer = graph.shift();
    if (answer === undefined) throw new Error(`unexpected ${call.method} ${call.url}`);
    return answer();
  };
  return { handler, sends, lookups, graph };
};

/** The lookup's answer listing these messages of the mailbox. */
export const found = (messages: Array<{ id: string; isDraft: boolean }>): Response =>
  jsonResponse(200, { value: messages }, { 'request-id': 'req-lookup' });

export const graphError = (status: number, code: string, headers: Record<string, string> = {}): Response =>
  jsonResponse(status, { error: { code, message: `${code} from the fake` } }, headers);

/** The calls of one kind the fake Microsoft received. */
export const callsOf = (calls: RecordedCall[]) => ({
  tokens: calls.filter(isToken),
  sends: calls.filter(isSend),
  lookups: calls.filter(isLookup),
  deletes: calls.filter(isDelete),
});
