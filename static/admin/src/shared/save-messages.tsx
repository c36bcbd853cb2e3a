import type { ReactNode } from 'react';

import { SectionMessage } from '../../../shared/components/section-message';

interface SaveMessagesProps {
  saving: boolean;
  /** After a save: the success message's title and text. */
  saved: { title: string; text: ReactNode } | null;
  /** After a refused save: the error's title, the backend's message and any messages no field shows. */
  failed: { title: string; message: string; otherErrors: readonly string[] } | null;
}

/** Under a form: that Save is running, or what it did. */
export const SaveMessages = ({ saving, saved, failed }: SaveMessagesProps) => (
  <div className="im-form__messages">
    {saving && (
      <p role="status" className="im-secondary">
        Saving…
      </p>
    )}
    {saved && (
      <SectionMessage appearance="success" title={saved.title}>
        <p>{saved.text}</p>
      </SectionMessage>
    )}
    {failed && (
      <SectionMessage appearance="error" title={failed.title}>
        <p>{failed.message}</p>
        {failed.otherErrors.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </SectionMessage>
    )}
  </div>
);
