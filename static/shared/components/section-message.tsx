import type { ReactNode } from 'react';

export type SectionMessageAppearance = 'success' | 'error' | 'warning' | 'information';

interface SectionMessageProps {
  appearance: SectionMessageAppearance;
  title?: string;
  children?: ReactNode;
}

/**
 * An ADS-style section message. Errors are announced at once (role=alert); the others politely (role=status).
 */
export const SectionMessage = ({ appearance, title, children }: SectionMessageProps) => (
  <div className={`im-message im-message--${appearance}`} role={appearance === 'error' ? 'alert' : 'status'}>
    <div className="im-message__body">
      {title && <p className="im-message__title">{title}</p>}
      {children}
    </div>
  </div>
);
