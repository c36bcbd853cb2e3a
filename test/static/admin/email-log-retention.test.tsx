/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import { RetentionSetting } from '../../../static/admin/src/email-log/retention-setting';
import { buttonNamed, click, controlLabelled, mount, type Mounted, paragraphsOf, typeInto } from './support/dom';
import { backend } from './support/fake-admin-bridge';

let mounted: Mounted | null = null;

beforeEach(() => {
  backend.reset();
  backend.on('getEmailLogSettings', () => ({ ok: true, data: { retentionDays: 90 } }));
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const open = async () => {
  mounted = await mount(<RetentionSetting />);
  const container = mounted.container;
  const input = controlLabelled(container, 'Keep emails for');
  return { container, input, save: buttonNamed(container, 'Save retention') };
};

const describedBy = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);

describe('email log retention', () => {
  it('shows the stored days as a number field with its unit and help text', async () => {
    const { input } = await open();
    expect(backend.payloadsOf('getEmailLogSettings')).toEqual([{}]);
    expect(input.type).toBe('number');
    expect(input.value).toBe('90');
    expect([input.min, input.max, input.step]).toEqual(['1', '365', '1']);
    expect(describedBy(input)).toEqual([
      'days',
      'Older emails, and older messages in the incoming log, are deleted every day.',
    ]);
  });

  it('saves { retentionDays: 30 } and says so', async () => {
    backend.on('saveEmailLogSettings', (settings) => ({ ok: true, data: settings }));
    const { container, input, save } = await open();
    await typeInto(input, '30');
    expect(container.textContent).toContain('You have unsaved changes.');
    await click(save);
    expect(backend.payloadsOf('saveEmailLogSettings')).toEqual([{ retentionDays: 30 }]);
    expect(paragraphsOf(container.querySelector('.im-message--success'))).toEqual([
      'Retention saved',
      'The email log keeps emails for 30 days.',
    ]);
    expect(input.value).toBe('30');
    expect(container.textContent).not.toContain('You have unsaved changes.');
  });

  it.each([
    ['400', 'Keep emails at most 365 days.'],
    ['0', 'Keep emails at least 1 day.'],
    ['', 'Enter a whole number of days.'],
    ['1.5', 'Enter a whole number of days.'],
  ])('refuses %j with "%s" without asking the backend', async (value, message) => {
    const { input, save } = await open();
    await typeInto(input, value);
    await click(save);
    expect(backend.payloadsOf('saveEmailLogSettings')).toEqual([]);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)[1]).toBe(message);
    expect(document.activeElement).toBe(input);
  });

  it('shows the message of a value the backend refuses on the field and under the form', async () => {
    backend.on('saveEmailLogSettings', () => ({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted field.',
        fieldErrors: { retentionDays: 'Keep emails at most 180 days on this site.' },
      },
    }));
    const { container, input, save } = await open();
    await typeInto(input, '300');
    await click(save);
    expect(backend.payloadsOf('saveEmailLogSettings')).toEqual([{ retentionDays: 300 }]);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)[1]).toBe('Keep emails at most 180 days on this site.');
    expect(paragraphsOf(container.querySelector('[role="alert"]'))).toEqual([
      'The retention was not saved',
      'Check the highlighted field.',
    ]);
    expect(document.activeElement).toBe(input);
    await typeInto(input, '180');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows why the retention cannot be loaded, and tries again', async () => {
    backend.on('getEmailLogSettings', () => ({
      ok: false,
      error: { code: 'INTERNAL_ERROR', message: 'Issue Mailer could not reach its backend. Try again in a moment.' },
    }));
    mounted = await mount(<RetentionSetting />);
    const container = mounted.container;
    expect(paragraphsOf(container.querySelector('[role="alert"]'))).toEqual([
      'The retention could not be loaded',
      'Issue Mailer could not reach its backend. Try again in a moment.',
      'Try again',
    ]);
    backend.on('getEmailLogSettings', () => ({ ok: true, data: { retentionDays: 14 } }));
    await click(buttonNamed(container, 'Try again'));
    expect(controlLabelled(container, 'Keep emails for').value).toBe('14');
  });
});
