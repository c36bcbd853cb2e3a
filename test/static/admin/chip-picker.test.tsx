/**
 * @jest-environment jsdom
 */
import { act } from 'preact/test-utils';

import { GroupsHarness } from './support/chip-picker-harness';
import { blur, controlLabelled, mount, type Mounted, press, typeInto } from './support/dom';

let mounted: Mounted | null = null;

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const optionsOf = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('[role="option"]'));

const movePointerOver = async (element: HTMLElement): Promise<void> => {
  await act(() => {
    element.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
  });
};

describe('ChipPicker (the admin page’s groups and project roles pickers)', () => {
  it('highlights the suggestion the pointer moves over, and Enter adds that one', async () => {
    const chosen: string[][] = [];
    mounted = await mount(<GroupsHarness onChosen={(values) => chosen.push(values)} />);
    const input = controlLabelled(mounted.container, 'Groups');
    await typeInto(input, 'o');
    const ops = optionsOf(mounted.container).find((option) => option.textContent === 'ops');
    if (!ops) throw new Error('no "ops" suggestion');

    await movePointerOver(ops);
    expect(ops.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(ops.id);
    expect(optionsOf(mounted.container).filter((option) => option.getAttribute('aria-selected') === 'true')).toEqual([
      ops,
    ]);

    expect(await press(input, 'Enter')).toBe(false);
    expect(chosen).toEqual([['g-ops']]);
  });

  describe('text that matches no group', () => {
    const NOT_ADDED = '“qa” is not added. Choose a group from the suggestions, or clear the text.';
    const notAddedMessage = () => document.getElementById('groups-not-added');

    it('Escape first closes the suggestions and keeps the text, with nothing said yet', async () => {
      mounted = await mount(<GroupsHarness onChosen={() => undefined} />);
      const input = controlLabelled(mounted.container, 'Groups');
      await typeInto(input, 'qa');
      expect(input.getAttribute('aria-expanded')).toBe('true');

      expect(await press(input, 'Escape')).toBe(false);
      expect(input.getAttribute('aria-expanded')).toBe('false');
      expect(input.value).toBe('qa');
      expect(notAddedMessage()?.textContent).toBe('');
    });

    it('a second Escape keeps the text and says, in a live region the text box points at, that it was not added', async () => {
      mounted = await mount(<GroupsHarness onChosen={() => undefined} />);
      const input = controlLabelled(mounted.container, 'Groups');
      await typeInto(input, 'qa');
      await press(input, 'Escape');

      expect(await press(input, 'Escape')).toBe(false);
      expect(input.value).toBe('qa');
      const message = notAddedMessage();
      expect(message?.textContent).toBe(NOT_ADDED);
      expect(message?.getAttribute('role')).toBe('status');
      expect(input.getAttribute('aria-describedby')?.split(' ')).toContain('groups-not-added');
    });

    it('leaving the field keeps the text and says it was not added; typing again takes the message away', async () => {
      mounted = await mount(<GroupsHarness onChosen={() => undefined} />);
      const input = controlLabelled(mounted.container, 'Groups');
      await typeInto(input, 'qa');

      await blur(input);
      expect(input.value).toBe('qa');
      expect(notAddedMessage()?.textContent).toBe(NOT_ADDED);

      await typeInto(input, 'qa2');
      expect(notAddedMessage()?.textContent).toBe('');
      expect(input.getAttribute('aria-describedby')?.split(' ') ?? []).not.toContain('groups-not-added');
    });
  });
});
