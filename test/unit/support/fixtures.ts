import graphResponses from '../../fixtures/microsoft/graph-responses.json';
import tokenResponses from '../../fixtures/microsoft/token-responses.json';

export interface FixtureEntry {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  source: string;
}

const entries = (file: Record<string, unknown>): Array<[string, FixtureEntry]> =>
  Object.entries(file).filter((entry): entry is [string, FixtureEntry] => !entry[0].startsWith('_'));

export const tokenFixtures = entries(tokenResponses);
export const graphFixtures = entries(graphResponses);

export const tokenFixture = (name: string): FixtureEntry => fixture(tokenFixtures, name);
export const graphFixture = (name: string): FixtureEntry => fixture(graphFixtures, name);

const fixture = (list: Array<[string, FixtureEntry]>, name: string): FixtureEntry => {
  const found = list.find(([key]) => key === name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found[1];
};

/** The fixture as an HTTP answer; JSON bodies default to a JSON content type. */
export const fixtureResponse = (entry: FixtureEntry, headers: Record<string, string> = {}): Response =>
  new Response(entry.body === null ? null : JSON.stringify(entry.body), {
    status: entry.status,
    headers: {
      ...(entry.body === null ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
      ...entry.headers,
      ...headers,
    },
  });
