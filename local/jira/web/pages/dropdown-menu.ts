import { html, type Interpolation, type SafeHtml } from './html';

export interface DropdownMenuOptions {
  /** The name page scripts find the button by (data-menu-button); the list's id is `jl-<name>-menu`. */
  name: string;
  buttonClass: string;
  /** The button's content. */
  button: SafeHtml;
  /** The button's accessible name, where its content alone does not give one. */
  buttonLabel?: string;
  listLabel: string;
  /** Lines the list up with the button's end rather than its start (menus at the right edge). */
  alignEnd?: boolean;
  /** The list's content: role=menuitem elements, optionally after a heading. */
  items: Interpolation;
}

/** A Jira dropdown menu: the button and the role=menu list that page-menus.ts opens and closes. */
export const dropdownMenu = (options: DropdownMenuOptions): SafeHtml => {
  const listId = `jl-${options.name}-menu`;
  const listClass = options.alignEnd ? 'jl-menu__list jl-menu__list--end' : 'jl-menu__list';
  return html`<div class="jl-menu">
    <button
      type="button"
      class="${options.buttonClass}"
      data-menu-button="${options.name}"
      aria-haspopup="menu"
      aria-expanded="false"
      aria-controls="${listId}"
      ${options.buttonLabel === undefined ? '' : html`aria-label="${options.buttonLabel}"`}
    >
      ${options.button}
    </button>
    <div class="${listClass}" role="menu" id="${listId}" aria-label="${options.listLabel}" hidden>
      ${options.items}
    </div>
  </div>`;
};
