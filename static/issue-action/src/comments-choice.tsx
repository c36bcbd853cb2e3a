import type { CommentChoice } from '../../../src/contract/issue-email';
import { LATEST_COMMENTS_MAX, LATEST_COMMENTS_MIN } from './content-state';

interface CommentsChoiceProps {
  choice: CommentChoice;
  latest: string;
  commentCount: number;
  error: string | undefined;
  onChoice: (choice: CommentChoice) => void;
  onLatest: (value: string) => void;
}

export const LATEST_COMMENTS_ID = 'email-latest-comments';

/** "Comments": none, the latest N, or all. An issue without comments leaves only "None". */
export const CommentsChoice = ({ choice, latest, commentCount, error, onChoice, onLatest }: CommentsChoiceProps) => {
  const none = commentCount === 0;
  const errorId = `${LATEST_COMMENTS_ID}-error`;
  const radio = (value: CommentChoice) => ({
    type: 'radio' as const,
    name: 'email-comments',
    value,
    checked: choice === value,
    disabled: none && value !== 'none',
    onChange: () => onChoice(value),
  });
  return (
    <fieldset className="im-fieldset im-choice-group" aria-describedby={none ? 'email-comments-hint' : undefined}>
      <legend className="im-field__label">Comments</legend>
      <div className="im-choice-row">
        <label className="im-choice">
          <input {...radio('none')} /> None
        </label>
        <span className="im-choice">
          <label className="im-choice">
            <input {...radio('latest')} /> Latest
          </label>
          <input
            id={LATEST_COMMENTS_ID}
            className="im-input im-input--count"
            type="number"
            inputMode="numeric"
            min={LATEST_COMMENTS_MIN}
            max={LATEST_COMMENTS_MAX}
            aria-label="Number of latest comments"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            disabled={choice !== 'latest'}
            value={latest}
            onChange={(event) => onLatest(event.currentTarget.value)}
          />
        </span>
        <label className="im-choice">
          <input {...radio('all')} /> All{none ? '' : ` (${commentCount})`}
        </label>
      </div>
      {none && (
        <p className="im-field__hint" id="email-comments-hint">
          This issue has no comments.
        </p>
      )}
      {error && (
        <p className="im-field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
};
