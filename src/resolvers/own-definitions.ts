import Resolver from '@forge/resolver';

type Definitions = ReturnType<Resolver['getDefinitions']>;

/**
 * A resolver's handler that dispatches only to the functions given here. @forge/resolver looks a call's function key
 * up with `in` on a plain object, so `constructor`, `toString` or `__proto__` reach Object.prototype's functions: a
 * call to `constructor` would answer its own context (installContext, accountId) back. Such keys are refused here
 * with the answer @forge/resolver gives for any unknown key.
 */
export const ownDefinitions = (functions: Record<string, (request: never) => unknown>): Definitions => {
  const resolver = new Resolver();
  for (const [key, fn] of Object.entries(functions)) resolver.define(key, fn as Parameters<Resolver['define']>[1]);
  const definitions = resolver.getDefinitions();
  return async (event, context) => {
    const functionKey = event.call.functionKey;
    if (!Object.hasOwn(functions, functionKey))
      throw new Error(`Resolver has no definition for '${String(functionKey)}'.`);
    return definitions(event, context);
  };
};
