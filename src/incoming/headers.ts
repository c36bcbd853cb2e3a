import type { MessageHeader } from './message';

/** Every value of the header `name`, in order; header names compare case-insensitively (RFC 5322 §1.2.2). */
export const headerValues = (headers: readonly MessageHeader[] | null | undefined, name: string): string[] => {
  const wanted = name.toLowerCase();
  return (headers ?? []).filter((header) => header.name.toLowerCase() === wanted).map((header) => header.value);
};

/** The first value of the header `name`, undefined when the message has none. */
export const headerValue = (headers: readonly MessageHeader[] | null | undefined, name: string): string | undefined =>
  headerValues(headers, name)[0];
