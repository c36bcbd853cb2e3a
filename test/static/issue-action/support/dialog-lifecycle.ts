import type { Mounted } from '../../admin/support/dom';
import { issueView } from './fake-issue-bridge';

/**
 * What every test of the whole dialog needs: jsdom lays nothing out (the dialog scrolls its text box and preview
 * into view), a fresh fake bridge with an empty history, and the dialog unmounted after each test.
 */
export const dialogLifecycle = (): { track: (mounted: Mounted) => Mounted } => {
  let current: Mounted | null = null;
  beforeAll(() => {
    Element.prototype.scrollIntoView = () => undefined;
    Element.prototype.scrollTo = () => undefined;
  });
  beforeEach(() => {
    issueView.reset();
    issueView.answers.set('listEmailHistory', () => ({ ok: true, data: [] }));
  });
  afterEach(async () => {
    await current?.unmount();
    current = null;
  });
  return {
    track: (mounted) => {
      current = mounted;
      return mounted;
    },
  };
};
