/**
 * A version-4-shaped GUID for Graph's client-request-id header, which Microsoft asks clients to send so that a
 * request can be traced in their logs. It identifies, it does not protect: nobody gains from guessing one, so
 * Math.random is enough and a worker run that sends one email does not load node:crypto (or Web Crypto, which loads
 * the same internals) just to name its request. Ids that must not be guessable (emails, tickets) use newUuid.
 */
export const newCorrelationId = (): string => {
  const hex = (digits: number): string => {
    let out = '';
    for (let i = 0; i < digits; i += 1) out += Math.floor(Math.random() * 16).toString(16);
    return out;
  };
  const variant = (8 + Math.floor(Math.random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
};
