/**
 * @jest-environment jsdom
 */
import { act } from 'preact/test-utils';
import { GroupsHarness } from './support/chip-picker-harness';
import { controlLabelled, mount, press, typeInto, type Mounted } from './support/dom';

let mounted: Mounted | null = null;

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const optionsOf = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('[role="option"]'));

async function movePointerOver(element: HTMLElement): Promise<void> {
  await act(() => {
    element.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
  });
}

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
    expect(optionsOf(mounted.container).filter((option) => option.getAttribute('aria-selected') === 'true')).toEqual([ops]);

    expect(await press(input, 'Enter')).toBe(false);
    expect(chosen).toEqual([['g-ops']]);
  });
});
