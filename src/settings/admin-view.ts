import type { AdminPart, AdminParts } from '../contract/admin-view';

/** How each part of the admin page is read: the same service call as the read function answering it alone. */
export type AdminViewReaders = { [K in AdminPart]: () => Promise<AdminParts[K]> };

/** A part read, or the error that stopped it (the resolver turns it into words, as for a call of its own). */
export type PartOutcome<T> = { ok: true; data: T } | { ok: false; error: unknown };

export type AdminViewOutcomes = { [K in AdminPart]?: PartOutcome<AdminParts[K]> };

const outcomeOf = async <T>(read: () => Promise<T>): Promise<PartOutcome<T>> => {
  try {
    return { ok: true, data: await read() };
  } catch (error) {
    return { ok: false, error };
  }
};

/**
 * Reads the parts of the admin page asked for, all at once and each on its own: one resolver call (one Forge
 * invocation) instead of one per part, and a part that fails leaves the others' answers. A part asked for twice is
 * read once.
 */
export const readAdminView = async (
  parts: readonly AdminPart[],
  readers: AdminViewReaders,
): Promise<AdminViewOutcomes> => {
  const unique = [...new Set(parts)];
  const outcomes = await Promise.all(unique.map((part) => outcomeOf<unknown>(readers[part])));
  return Object.fromEntries(unique.map((part, index) => [part, outcomes[index]]));
};
