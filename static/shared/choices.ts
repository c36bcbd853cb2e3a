/** One option of a select: what is stored and what people read. */
export interface Choice {
  value: string;
  label: string;
}

/** A stored value the lists no longer hold (or could not load) stays shown and chosen, under `label`. */
export const withCurrent = (choices: readonly Choice[], value: string, label: string): Choice[] => {
  if (value === '' || choices.some((choice) => choice.value === value)) return [...choices];
  return [...choices, { value, label }];
};
