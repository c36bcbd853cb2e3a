import Resolver from '@forge/resolver';
import { createAdminFunctions } from './admin-functions';
import { runtimeDeps } from './runtime-deps';

const resolver = new Resolver();
for (const [key, fn] of Object.entries(createAdminFunctions(runtimeDeps))) resolver.define(key, fn);

export const handler = resolver.getDefinitions();
