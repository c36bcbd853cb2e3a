import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { generateValidatorModule } from '../../local/tools/validators/generate';
import { VALIDATOR_GROUPS } from '../../local/tools/validators/groups';

const ROOT = join(__dirname, '..', '..');

describe('the generated validators in src/generated', () => {
  it.each(VALIDATOR_GROUPS.map((group) => [group.name, group] as const))(
    '%s is what its zod schemas give',
    (name, group) => {
      const committed = readFileSync(join(ROOT, 'src/generated', `${name}.ts`), 'utf8');
      const fresh = generateValidatorModule(group);
      if (committed !== fresh)
        throw new Error(
          `src/generated/${name}.ts is stale: its zod schemas changed. Run \`npm run generate:validators\`.`,
        );
    },
  );
});
