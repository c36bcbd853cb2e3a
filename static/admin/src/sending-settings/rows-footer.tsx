interface RowsFooterProps {
  error: string | undefined;
  errorId: string;
  addId: string;
  addText: string;
  onAdd: () => void;
}

/** Under a list of project rows: the list's error, then the button that adds a row. */
export const RowsFooter = ({ error, errorId, addId, addText, onAdd }: RowsFooterProps) => (
  <>
    {error && (
      <p className="im-field__error" id={errorId}>
        {error}
      </p>
    )}
    <div>
      <button id={addId} type="button" className="im-button" onClick={onAdd}>
        {addText}
      </button>
    </div>
  </>
);
