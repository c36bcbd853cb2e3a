import { SectionMessage } from '../../../shared/components/section-message';
import type { LoadMore } from './use-log-pages';

interface LoadMoreProps {
  more: LoadMore;
  /** Whether there is a next page to ask for. */
  hasMore: boolean;
  /** What the rows are, in the plural: "emails", "messages". */
  noun: string;
  /** Resolves with the id of the first row it added (focus goes there), or null. */
  onLoadMore: () => Promise<string | null>;
  onMoreLoaded: (id: string) => void;
}

/** Under a log's table: "Load more" while there is a next page, and what became of the last ask. */
export const LoadMoreRows = ({ more, hasMore, noun, onLoadMore, onMoreLoaded }: LoadMoreProps) => {
  const loading = more.state === 'loading';
  return (
    <>
      {more.state === 'failed' && (
        <SectionMessage appearance="error" title={`More ${noun} could not be loaded`}>
          <p>{more.error.message}</p>
        </SectionMessage>
      )}
      {hasMore && (
        <div className="im-email-log__more">
          <button
            type="button"
            className="im-button"
            aria-disabled={loading}
            onClick={() =>
              void onLoadMore().then((first) => {
                if (first) onMoreLoaded(first);
              })
            }
          >
            {loading && <span className="im-spinner" aria-hidden="true" />}
            Load more
          </button>
        </div>
      )}
      {loading && (
        <p role="status" className="im-visually-hidden">
          Loading more {noun}…
        </p>
      )}
    </>
  );
};
