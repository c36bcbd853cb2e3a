import type { MouseEvent } from 'react';

export interface PageNavLink {
  /** The id of the section's heading (focusable with tabIndex -1). */
  target: string;
  label: string;
}

/**
 * "On this page" links to each section's heading. Focus moves with the scroll, so keyboard and screen reader users
 * land where sighted ones do; the URL is left alone (Jira owns the frame's address).
 */
export function PageNav({ links }: { links: readonly PageNavLink[] }) {
  const go = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    const heading = document.getElementById(target);
    if (!heading) return;
    event.preventDefault();
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <nav className="im-page-nav" aria-label="Issue Mailer settings">
      <ul className="im-page-nav__list">
        {links.map((link) => (
          <li key={link.target}>
            <a className="im-page-nav__link" href={`#${link.target}`} onClick={(event) => go(event, link.target)}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
