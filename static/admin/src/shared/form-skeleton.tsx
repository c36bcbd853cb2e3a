/** Placeholder fields the size of real ones, so the settings do not jump when they arrive. */
export const FormSkeleton = ({ fields = 3 }: { fields?: number }) => (
  <div className="im-form-skeleton" aria-hidden="true">
    {Array.from({ length: fields }, (_, index) => (
      <div key={index} className="im-form-skeleton__field">
        <span className="im-skeleton im-skeleton--label" />
        <span className="im-skeleton im-skeleton--control" />
      </div>
    ))}
  </div>
);
