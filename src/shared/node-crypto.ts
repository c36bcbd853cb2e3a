import type * as NodeCrypto from 'node:crypto';

let loaded: typeof NodeCrypto | undefined;

/**
 * node:crypto, required the first time a caller hashes or reads a key, not as the function starts: a static import
 * makes the bundle require it at load (5 to 10 ms of a cold start, measured on the resolvers' bundles), although
 * most invocations (a list, a draft, a status) never hash. Webpack keeps a require() of a Node built-in where it is
 * called. Random ids need none of it: seams.ts's newUuid takes the Web Crypto global.
 */
export const nodeCrypto = (): typeof NodeCrypto =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require at first use is the point (see above)
  (loaded ??= require('node:crypto') as typeof NodeCrypto);
