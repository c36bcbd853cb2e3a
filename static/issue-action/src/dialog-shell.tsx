import type { KeyboardEvent, ReactNode, RefObject } from 'react';

import { closeDialog } from './close-dialog';

interface DialogShellProps {
  issue?: { key: string; summary: string } | undefined;
  tabs?: ReactNode;
  children: ReactNode;
  footer: ReactNode;
  /** Shown between the body and the footer, whatever the body scrolled to (the queued email's status). */
  status?: ReactNode;
  bodyRef?: RefObject<HTMLDivElement | null>;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * The dialog's frame inside the product's modal: a fixed header (and tabs) and footer around a body that scrolls.
 * Escape closes the modal unless something inside (the suggestions) used it.
 */
export const DialogShell = ({ issue, tabs, children, footer, status, bodyRef, onKeyDown }: DialogShellProps) => (
  <section
    className="im-dialog"
    aria-labelledby="dialog-title"
    onKeyDown={(event) => {
      onKeyDown?.(event);
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        void closeDialog();
      }
    }}
  >
    <header className="im-dialog__header">
      <h1 id="dialog-title">Email this issue</h1>
      {issue && (
        <p className="im-dialog__issue">
          <span className="im-dialog__key">{issue.key}</span> {issue.summary}
        </p>
      )}
    </header>
    {tabs}
    <div className="im-dialog__body" ref={bodyRef}>
      {children}
    </div>
    {status}
    <footer className="im-dialog__footer">{footer}</footer>
  </section>
);
