import * as z from 'zod/mini';

import { emailLogSettingsSchema } from '../contract/email-log';

/*
 * The stored email log settings (log-settings-store.ts) as zod states them, the admin's rule for retention reused:
 * local/tools/generate-validators.ts generates the validator log-settings-store.ts reads with from it, so the
 * email log upkeep loads no zod. After a change, run `npm run generate:validators`.
 */
export const storedLogSettingsSchema = z.object({ retentionDays: emailLogSettingsSchema.shape.retentionDays });
