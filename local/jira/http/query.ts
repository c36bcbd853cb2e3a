import { restErrors } from '../errors';

/** Comma lists, possibly repeated (`fields=a,b&fields=c`), as Jira reads them. */
export const listParam = (query: URLSearchParams, name: string): string[] =>
  query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');

export const intParam = (query: URLSearchParams, name: string, fallback: number, min = 0): number => {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw restErrors.badRequest([`The value '${raw}' is not a valid number for the '${name}' parameter.`]);
  }
  return Math.max(min, Number(raw));
};

export const boolParam = (query: URLSearchParams, name: string, fallback: boolean): boolean => {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw restErrors.badRequest([`The value '${raw}' is not a valid boolean for the '${name}' parameter.`]);
};
