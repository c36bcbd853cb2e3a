import { act } from 'preact/test-utils';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

export interface Mounted {
  container: HTMLElement;
  unmount: () => Promise<void>;
}

/** Lets every answered call and the renders it causes finish. */
export const settle = async (): Promise<void> => {
  await act(async () => {
    for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
  });
};

export const mount = async (node: ReactNode): Promise<Mounted> => {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(() => root.render(node));
  await settle();
  return {
    container,
    unmount: async () => {
      await act(() => root.unmount());
      container.remove();
    },
  };
};

/** Runs fake timers forward inside act, then lets the calls they started answer. */
export const advance = async (ms: number): Promise<void> => {
  await act(() => {
    jest.advanceTimersByTime(ms);
  });
  await settle();
};

const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** An element's accessible name, as far as these pages need: aria-labelledby, aria-label, a <label>, or its text. */
export const nameOf = (element: Element): string => {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(' ')
      .map((id) => {
        const label = document.getElementById(id);
        return label ? text(label) : '';
      })
      .join(' ');
  }
  const label = element.getAttribute('aria-label');
  if (label) return label;
  if (element.id) {
    const labelElement = document.querySelector(`label[for="${element.id}"]`);
    if (labelElement) return text(labelElement);
  }
  if (element.tagName === 'TABLE') {
    const caption = element.querySelector('caption');
    if (caption) return text(caption);
  }
  return text(element);
};

const only = <T extends Element>(found: T[], what: string): T => {
  if (found.length !== 1) throw new Error(`Expected one ${what}, found ${found.length}.`);
  return found[0] as T;
};

const within = (scope: ParentNode, selector: string) => Array.from(scope.querySelectorAll(selector));

export const buttonNamed = (scope: ParentNode, name: string) =>
  only(
    within(scope, 'button').filter((element) => nameOf(element) === name),
    `button named "${name}"`,
  ) as HTMLButtonElement;

export const queryButtonNamed = (scope: ParentNode, name: string) =>
  (within(scope, 'button').find((element) => nameOf(element) === name) as HTMLButtonElement | undefined) ?? null;

export const controlLabelled = <T extends HTMLElement = HTMLInputElement>(scope: ParentNode, label: string) =>
  only(
    within(scope, 'input, select, textarea').filter((element) => nameOf(element) === label),
    `control labelled "${label}"`,
  ) as unknown as T;

export const tableNamed = (scope: ParentNode, name: string) =>
  only(
    within(scope, 'table').filter((element) => nameOf(element) === name),
    `table named "${name}"`,
  ) as HTMLTableElement;

/** A <section> named by its heading: what a region is to assistive technology. */
export const regionNamed = (scope: ParentNode, name: string) =>
  only(
    within(scope, 'section[aria-labelledby]').filter((element) => nameOf(element) === name),
    `region named "${name}"`,
  ) as HTMLElement;

export const queryRegionNamed = (scope: ParentNode, name: string) =>
  (within(scope, 'section[aria-labelledby]').find((element) => nameOf(element) === name) as HTMLElement | undefined) ??
  null;

/** Each body row's cells as text, so a test can compare whole rows. */
export const rowTexts = (table: HTMLTableElement) =>
  Array.from(table.tBodies[0]?.rows ?? []).map((row) => Array.from(row.cells).map((cell) => text(cell)));

export const textOf = text;

/** A section message's title and paragraphs, each on its own. */
export const paragraphsOf = (element: Element | null) =>
  element ? Array.from(element.querySelectorAll('p')).map((paragraph) => text(paragraph)) : [];

/** Types into a text-like input as a person does: React's onChange (Preact's onInput) runs on `input`. */
export const typeInto = async (input: HTMLInputElement, value: string): Promise<void> => {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
};

export const choose = async (select: HTMLSelectElement, value: string): Promise<void> => {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
};

export const click = async (element: HTMLElement): Promise<void> => {
  await act(() => element.click());
  await settle();
};

export const press = async (element: HTMLElement, key: string): Promise<boolean> => {
  let notCancelled = true;
  await act(() => {
    notCancelled = element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  await settle();
  return notCancelled;
};

export const blur = async (element: HTMLElement): Promise<void> => {
  await act(() => {
    element.dispatchEvent(new FocusEvent('blur'));
    element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
  await settle();
};

export const submit = async (form: HTMLFormElement): Promise<void> => {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
};
