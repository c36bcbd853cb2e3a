/** Forge's module key pattern; the host puts trigger keys in URL paths. */
export const MODULE_KEY = /^[a-zA-Z0-9_-]+$/;
