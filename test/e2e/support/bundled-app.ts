import type { AppCode } from '../../../local/host';
import { DEFAULT_BUNDLE_DIR } from '../../../local/tools/forge-bundle';

/**
 * Browser tests run the app from the bundles Forge's own bundler made (`npm run bundle`, run by `pretest:e2e`),
 * i.e. what `forge deploy` would upload, not from the TypeScript sources.
 */
export const BUNDLED_APP: AppCode = { bundleDir: DEFAULT_BUNDLE_DIR };
