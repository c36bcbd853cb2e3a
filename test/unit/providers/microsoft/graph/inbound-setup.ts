import { GraphError } from '../../../../../src/providers/microsoft/graph/errors';
import type { GraphClientDeps } from '../../../../../src/providers/microsoft/graph/graph-request';
import { InboundGraphError } from '../../../../../src/providers/microsoft/graph/inbound-errors';
import { type Answer, answersInOrder, fakeTime, GRAPH, staticToken } from './graph-fakes';

export const MAILBOX = 'support@contoso.com';
export const PREFER_IMMUTABLE = 'IdType="ImmutableId"';

/** Graph client deps over answers given in order, with a fake clock and a fixed client-request-id. */
export const inboundSetup = (answers: Answer[]) => {
  const { fetch, requests } = answersInOrder(answers);
  const time = fakeTime();
  const deps: GraphClientDeps = {
    fetch,
    tokenProvider: staticToken(),
    graphBaseUrl: GRAPH,
    now: time.now,
    sleep: time.sleep,
    env: {},
    newClientRequestId: () => 'crid-1',
  };
  return { deps, requests, time };
};

/** The error a promise fails with; its message never carries the token or Graph's own text. */
export const failureOf = async (promise: Promise<unknown>): Promise<GraphError | InboundGraphError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GraphError) && !(error instanceof InboundGraphError))
    throw new Error(`expected a GraphError or InboundGraphError, got ${String(error)}`);
  expect(error.message).not.toContain('token-abc');
  expect(error.message).not.toContain('secret-looking');
  return error;
};

/** The query of a URL, decoded: what Graph reads. */
export const queryOf = (url: string): Record<string, string> => Object.fromEntries(new URL(url).searchParams);
