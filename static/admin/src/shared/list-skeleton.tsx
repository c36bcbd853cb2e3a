/**
 * Placeholder rows under the real column headings, so a section does not jump when its data arrives. With
 * `detailLine`, each titled column's cells get a short second line, as rows whose cells hold two lines do.
 */
export const ListSkeleton = ({
  columns,
  rows = 2,
  detailLine = false,
}: {
  columns: readonly string[];
  rows?: number;
  detailLine?: boolean;
}) => (
  <div className="im-table-wrap" aria-hidden="true">
    <table className="im-table im-table--skeleton">
      <thead>
        <tr>
          {columns.map((title, index) => (
            <th key={index} scope="col">
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, row) => (
          <tr key={row}>
            {columns.map((title, cell) => (
              <td key={cell}>
                <span className="im-skeleton" />
                {detailLine && title !== '' && <span className="im-skeleton im-skeleton--short" />}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** A section's table while it loads: the skeleton, and `label` for screen readers. */
export const ListLoading = ({ label, ...skeleton }: { label: string } & Parameters<typeof ListSkeleton>[0]) => (
  <>
    <p role="status" className="im-visually-hidden">
      {label}
    </p>
    <ListSkeleton {...skeleton} />
  </>
);
