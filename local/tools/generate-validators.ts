/**
 * Writes src/generated/<group>.ts from the zod schemas listed in validators/groups.ts: `npm run generate:validators`.
 * test/tooling/generated-validators.test.ts fails while a committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { generateValidatorModule } from './validators/generate';
import { VALIDATOR_GROUPS } from './validators/groups';

const root = path.resolve(__dirname, '../..');
for (const group of VALIDATOR_GROUPS) {
  const file = path.join(root, 'src/generated', `${group.name}.ts`);
  writeFileSync(file, generateValidatorModule(group));
  console.log(`wrote ${path.relative(root, file)}`);
}
