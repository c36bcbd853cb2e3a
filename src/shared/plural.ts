/** `1 recipient`, `3 recipients`: a count with its noun, `many` where adding an "s" will not do. */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
