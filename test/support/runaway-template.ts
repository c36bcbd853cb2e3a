/**
 * A template within every cap of src/templates/template-limits.ts (5,700 loop runs, 13 KB of CSS, 5,300
 * elements nested 152 deep) whose inlining juice would still run for minutes: each `:has()` rule scans the
 * subtree of every one of the 150 nested divs. Only the render deadline stops it.
 */
export const RUNAWAY_BODY =
  '<html><head><style>{% for i in (1..400) %}div:has(p.c{{ i }}) { color: red }\n{% endfor %}</style></head><body>' +
  '{% for i in (1..150) %}<div>{% endfor %}{% for i in (1..5000) %}<i></i>{% endfor %}{% for i in (1..150) %}</div>{% endfor %}' +
  '</body></html>';

/** What the admin is told under the body when the render deadline (5 s) stopped it. */
export const DEADLINE_MESSAGE =
  'The email took more than 5 seconds to render and was stopped (a loop that never ends, or <style> rules too costly for its elements?).';
