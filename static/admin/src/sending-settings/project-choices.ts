import type { ProjectRef } from '../../../../src/contract';
import { type Choice, withCurrent } from '../../../shared/choices';

/**
 * The projects one row of a per-project list may choose: each project once across the rows, so the row's own
 * project and the ones no other row has taken (and its stored project, even if the list no longer has it).
 */
export const projectChoicesFor = (
  rows: ReadonlyArray<{ key: string; projectKey: string }>,
  row: { key: string; projectKey: string },
  projectList: readonly ProjectRef[],
): Choice[] => {
  const takenElsewhere = new Set(rows.filter((other) => other.key !== row.key).map((other) => other.projectKey));
  return withCurrent(
    projectList
      .filter((project) => !takenElsewhere.has(project.key))
      .map((project) => ({ value: project.key, label: `${project.name} (${project.key})` })),
    row.projectKey,
    row.projectKey,
  );
};
