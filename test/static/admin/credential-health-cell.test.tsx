/**
 * @jest-environment jsdom
 */
import type { CredentialView } from '../../../src/contract';
import { LastTestCell } from '../../../static/admin/src/credentials/credential-cells';
import { MICROSOFT_SAVED } from './support/credential-fixtures';
import { mount, type Mounted } from './support/dom';

const NOW = new Date('2026-06-15T10:00:00Z');

const CREDENTIAL = MICROSOFT_SAVED;

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const cellText = async (credential: CredentialView): Promise<string[]> => {
  mounted = await mount(<LastTestCell credential={credential} now={NOW} />);
  const stack = mounted.container.firstElementChild;
  return Array.from(stack?.children.length ? stack.children : [stack]).map((child) => child?.textContent ?? '');
};

describe("the credential list's health cell", () => {
  it('says "Not tested yet" only when neither a test nor real traffic says anything', async () => {
    expect(await cellText(CREDENTIAL)).toEqual(['Not tested yet']);
  });

  it('shows the last accepted send and the last refusal of a credential never tested', async () => {
    const texts = await cellText({
      ...CREDENTIAL,
      traffic: {
        lastAccepted: { at: '2026-06-15T09:55:00Z' },
        lastRefused: {
          at: '2026-06-14T09:00:00Z',
          code: 'GRAPH_INVALID_RECIPIENTS',
          message: 'Microsoft 365 could not resolve a recipient.',
        },
      },
    });
    expect(texts).toEqual(['Last send accepted 5 minutes ago', 'Last refusal yesterday (GRAPH_INVALID_RECIPIENTS)']);
    const refusal = mounted?.container.querySelector('[data-health="refused"]');
    expect(refusal?.getAttribute('title')).toBe('Microsoft 365 could not resolve a recipient.');
    expect(mounted?.container.querySelector('time')?.getAttribute('dateTime')).toBe('2026-06-15T09:55:00Z');
  });

  it('keeps the last test beside the traffic', async () => {
    const texts = await cellText({
      ...CREDENTIAL,
      lastTest: { ok: true, code: 'OK', message: 'Connected', testedAt: '2026-06-15T09:00:00Z' },
      traffic: { lastAccepted: { at: '2026-06-15T09:59:30Z' } },
    });
    expect(texts).toEqual(['Passed', '1 hour ago', 'Last send accepted just now']);
  });
});
