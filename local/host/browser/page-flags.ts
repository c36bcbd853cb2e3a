/** What `showFlag` sends, with `onClick`s already replaced by callback markers. */
export interface FlagPayload {
  id: string | number;
  title?: string;
  description?: string;
  type?: FlagAppearance;
  appearance?: FlagAppearance;
  actions?: { text: string; onClick: unknown }[];
  isAutoDismiss?: boolean;
}

type FlagAppearance = 'info' | 'success' | 'warning' | 'error';

interface FlagHooks {
  container: HTMLElement;
  onAction: (frame: Window, marker: unknown) => void;
}

/** ADS auto-dismissing flags stay eight seconds, paused while hovered or focused. */
const AUTO_DISMISS_MS = 8000;
const ICONS: Record<FlagAppearance, string> = { info: 'i', success: '\u2713', warning: '!', error: '!' };

/** Jira's flags: the stack at the bottom left of the page. */
export const createFlags = (hooks: FlagHooks) => {
  const shown = new Map<string, HTMLElement>();

  const close = (id: string): void => {
    shown.get(id)?.remove();
    shown.delete(id);
  };

  const show = (frame: Window, flag: FlagPayload): void => {
    const id = String(flag.id);
    close(id);
    const appearance: FlagAppearance = flag.appearance ?? flag.type ?? 'info';
    const element = document.createElement('div');
    element.className = `jl-flag jl-flag--${appearance}${flag.appearance ? ' jl-flag--bold' : ''}`;
    element.setAttribute('role', 'alert');
    element.dataset.flagId = id;

    const icon = document.createElement('span');
    icon.className = 'jl-flag__icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = ICONS[appearance] ?? ICONS.info;

    const body = document.createElement('div');
    body.className = 'jl-flag__body';
    const title = document.createElement('p');
    title.className = 'jl-flag__title';
    title.textContent = flag.title ?? '';
    body.append(title);
    if (flag.description) {
      const description = document.createElement('p');
      description.className = 'jl-flag__description';
      description.textContent = flag.description;
      body.append(description);
    }
    if (flag.actions?.length) {
      const actions = document.createElement('div');
      actions.className = 'jl-flag__actions';
      for (const action of flag.actions) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'jl-link-button';
        button.textContent = action.text;
        button.addEventListener('click', () => hooks.onAction(frame, action.onClick));
        actions.append(button);
      }
      body.append(actions);
    }

    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'jl-flag__dismiss';
    dismiss.setAttribute('aria-label', 'Dismiss');
    dismiss.textContent = '\u00d7';
    dismiss.addEventListener('click', () => close(id));

    element.append(icon, body, dismiss);
    hooks.container.prepend(element);
    shown.set(id, element);

    if (flag.isAutoDismiss) {
      let timer = window.setTimeout(() => close(id), AUTO_DISMISS_MS);
      const pause = () => window.clearTimeout(timer);
      const resume = () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(() => close(id), AUTO_DISMISS_MS);
      };
      element.addEventListener('mouseenter', pause);
      element.addEventListener('focusin', pause);
      element.addEventListener('mouseleave', resume);
      element.addEventListener('focusout', resume);
    }
  };

  return { show, close };
};
