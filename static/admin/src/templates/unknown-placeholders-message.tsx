import type { UnknownPlaceholder } from '../../../../src/contract';
import { SectionMessage } from '../../../shared/components/section-message';
import type { SourcePosition } from './template-state';

interface UnknownPlaceholdersMessageProps {
  placeholders: readonly UnknownPlaceholder[];
  /** Moves the caret to a body placeholder; the subject is one line and needs no help. */
  onGoTo?: (position: SourcePosition) => void;
}

const fieldName = (field: UnknownPlaceholder['field']) => (field === 'subject' ? 'Subject' : 'HTML body');

/**
 * A warning, not an error: a placeholder Issue Mailer does not know renders as nothing, which is usually a typo
 * (`issue.asignee`), but the template is still saved and previewed. Shown after a save and above a preview.
 */
export const UnknownPlaceholdersMessage = ({ placeholders, onGoTo }: UnknownPlaceholdersMessageProps) => {
  if (placeholders.length === 0) return null;
  const one = placeholders.length === 1;
  return (
    <SectionMessage
      appearance="warning"
      title={one ? 'A placeholder will show nothing' : `${placeholders.length} placeholders will show nothing`}
    >
      <p>
        {one ? 'It is not one' : 'They are not ones'} Issue Mailer fills in, so emails show nothing where{' '}
        {one ? 'it is' : 'they are'}. Check the spelling against the Placeholders list.
      </p>
      <ul className="im-unknown-placeholders">
        {placeholders.map((placeholder) => (
          <li key={`${placeholder.field}:${placeholder.name}`}>
            <code>{placeholder.name}</code>{' '}
            <span className="im-secondary">
              {fieldName(placeholder.field)}, line {placeholder.line}, column {placeholder.column}
            </span>
            {onGoTo && placeholder.field === 'body' && (
              <>
                {' '}
                <button
                  type="button"
                  className="im-link-button"
                  onClick={() => onGoTo({ line: placeholder.line, column: placeholder.column })}
                >
                  Go to line {placeholder.line}
                  <span className="im-visually-hidden"> ({placeholder.name})</span>
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </SectionMessage>
  );
};
