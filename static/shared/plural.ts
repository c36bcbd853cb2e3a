/** "1 email", "3 emails", "2 people": a count with its noun, in every UI. */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
