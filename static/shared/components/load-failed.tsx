import { SectionMessage } from './section-message';

interface LoadFailedProps {
  /** e.g. "Templates could not be loaded". */
  title: string;
  /** The resolver's safe message. */
  message: string;
  onRetry: () => void;
}

/** What a section shows when its data could not be loaded: the reason and a "Try again" that loads it again. */
export const LoadFailed = ({ title, message, onRetry }: LoadFailedProps) => (
  <SectionMessage appearance="error" title={title}>
    <p>{message}</p>
    <p>
      <button type="button" className="im-link-button" onClick={onRetry}>
        Try again
      </button>
    </p>
  </SectionMessage>
);
