import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

export interface MenuAction {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
}

interface ActionsMenuProps {
  /** The trigger's accessible name, e.g. "More actions for Support mailbox". */
  label: string;
  /** The trigger's id, so the page can return focus to it. */
  id: string;
  actions: MenuAction[];
  disabled?: boolean;
}

interface Position {
  top: number;
  right: number;
}

/**
 * An ADS-style "more" dropdown (menu button pattern): Enter, Space or Arrow Down opens it on the first item, the
 * arrows move, Escape closes it and returns focus to the trigger. It is placed in the viewport, so the table's
 * scroll container cannot clip it.
 */
export const ActionsMenu = ({ label, id, actions, disabled = false }: ActionsMenuProps) => {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<Position | null>(null);
  const [initialFocus, setInitialFocus] = useState<'first' | 'last'>('first');
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? []);

  const openMenu = (focus: 'first' | 'last') => {
    if (disabled) return;
    const rect = triggerRef.current?.getBoundingClientRect();
    if (!rect) return;
    setPosition({ top: rect.bottom + 4, right: document.documentElement.clientWidth - rect.right });
    setInitialFocus(focus);
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open) return;
    const list = items();
    (initialFocus === 'first' ? list[0] : list[list.length - 1])?.focus();
  }, [open, initialFocus]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !triggerRef.current?.contains(target)) close(false);
    };
    const onViewportChange = () => close(false);
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('resize', onViewportChange);
    window.addEventListener('scroll', onViewportChange, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('resize', onViewportChange);
      window.removeEventListener('scroll', onViewportChange, true);
    };
  }, [open]);

  const onTriggerKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const current = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (index: number) => {
      event.preventDefault();
      list[(index + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(current + 1);
      case 'ArrowUp':
        return move(current - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(list.length - 1);
      case 'Escape':
        event.preventDefault();
        return close(true);
      case 'Tab':
        return close(false);
    }
  };

  return (
    <>
      <button
        ref={triggerRef}
        id={id}
        type="button"
        className="im-button im-button--subtle im-button--icon"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // aria-disabled keeps focus on the trigger while the row is busy (a disabled button would drop it).
        aria-disabled={disabled}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onTriggerKeyDown}
      >
        <span aria-hidden="true" className="im-more-glyph" />
      </button>
      {open && position && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className="im-menu"
          style={{ top: `${position.top}px`, right: `${position.right}px` }}
          onKeyDown={onMenuKeyDown}
        >
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="im-menu__item"
              disabled={action.disabled}
              onClick={() => {
                // Back on the trigger first: the action may move focus on (e.g. to a confirmation).
                close(true);
                action.onSelect();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
};
