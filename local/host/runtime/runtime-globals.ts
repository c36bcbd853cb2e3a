/** The two globals the unmodified @forge packages call, which installing the runtime defines. */
export const RUNTIME_GLOBAL = '__forge_runtime__';
export const FETCH_GLOBAL = '__forge_fetch__';

export const defineGlobal = (name: string, value: unknown): void => {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: false, enumerable: false });
};

export const removeGlobal = (name: string, owned: unknown): void => {
  if (Reflect.get(globalThis, name) === owned) {
    Reflect.deleteProperty(globalThis, name);
  }
};
