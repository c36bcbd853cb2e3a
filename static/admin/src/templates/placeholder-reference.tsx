import type { PlaceholderDoc } from '../../../../src/contract';
import { PLACEHOLDERS } from '../../../../src/templates/placeholders';

export const placeholderText = (placeholder: PlaceholderDoc) => `{{ ${placeholder.name} }}`;

/**
 * Every placeholder a template may use, what it holds and what it renders for the sample issue. A collapsible side
 * panel: open while writing, out of the way after.
 */
export const PlaceholderReference = () => (
  <details className="im-placeholders" open>
    <summary className="im-placeholders__title">Placeholders</summary>
    <p className="im-field__hint">
      Subject and body are Liquid templates: write a placeholder where its value goes, and use Liquid tags such as{' '}
      <code>{'{% if %}'}</code> for the rest.
    </p>
    <dl className="im-placeholders__list">
      {PLACEHOLDERS.map((placeholder) => (
        <div key={placeholder.name} className="im-placeholders__item">
          <dt>
            <code>{placeholderText(placeholder)}</code>
            {placeholder.html && <span className="im-lozenge">HTML</span>}
          </dt>
          <dd>{placeholder.description}</dd>
          {placeholder.html && <dd className="im-secondary">Outputs sanitized HTML: use it as is.</dd>}
          <dd className="im-secondary">
            Example: <samp className="im-placeholders__example">{placeholder.example}</samp>
          </dd>
        </div>
      ))}
    </dl>
  </details>
);
