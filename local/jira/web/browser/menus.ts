/**
 * Dropdown menus of the Jira chrome (issue "Apps" menu, the profile menu): a button with aria-haspopup and a
 * role=menu list, opened by click, Enter, Space or ArrowDown; arrows move, Escape closes and returns focus.
 */
export const setUpMenus = (root: Document): void => {
  const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('[data-menu-button]'));

  const menuOf = (button: HTMLButtonElement) => root.getElementById(button.getAttribute('aria-controls') ?? '');
  const itemsOf = (menu: HTMLElement) => Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]'));

  const closeMenu = (button: HTMLButtonElement, returnFocus: boolean) => {
    const menu = menuOf(button);
    if (!menu || menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (returnFocus) button.focus();
  };

  const openMenu = (button: HTMLButtonElement, focus: 'first' | 'last' | 'none') => {
    for (const other of buttons) if (other !== button) closeMenu(other, false);
    const menu = menuOf(button);
    if (!menu) return;
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const items = itemsOf(menu);
    if (focus === 'first') items[0]?.focus();
    if (focus === 'last') items[items.length - 1]?.focus();
  };

  for (const button of buttons) {
    const menu = menuOf(button);
    if (!menu) continue;
    for (const item of itemsOf(menu)) item.tabIndex = -1;

    button.addEventListener('click', () => {
      if (menu.hidden) openMenu(button, 'first');
      else closeMenu(button, false);
    });
    button.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        openMenu(button, 'first');
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        openMenu(button, 'last');
      }
    });
    menu.addEventListener('keydown', (event) => {
      const items = itemsOf(menu);
      const index = items.indexOf(document.activeElement as HTMLElement);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        items[(index + step + items.length) % items.length]?.focus();
      } else if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault();
        (event.key === 'Home' ? items[0] : items[items.length - 1])?.focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        closeMenu(button, true);
      } else if (event.key === 'Tab') {
        closeMenu(button, false);
      }
    });
    menu.addEventListener('click', (event) => {
      if ((event.target as Element).closest('[role="menuitem"]')) closeMenu(button, false);
    });
  }

  root.addEventListener('click', (event) => {
    for (const button of buttons) {
      const menu = menuOf(button);
      const target = event.target as Node;
      if (menu && !menu.contains(target) && !button.contains(target)) closeMenu(button, false);
    }
  });
};
