import type { TokenProvider } from '../oauth/token-provider';
import { safeErrorLabel } from '../shared/error-names';

/** A hook's failure must not hide the refusal it reports: it is logged, and the refusal goes on. */
export const report = async (hook: () => Promise<void> | undefined, what: string): Promise<void> => {
  try {
    await hook();
  } catch (hookError) {
    console.warn(`[issue-mailer] recording the ${what} failed: ${safeErrorLabel(hookError)}`);
  }
};

/** The provider's tokens; a failure is shown to `onRefused` (which reports what it must), then rethrown. */
export const reportingRefusals = (
  provider: TokenProvider,
  onRefused: (error: unknown) => Promise<void>,
): TokenProvider => ({
  getAccessToken: async (options) => {
    try {
      return await provider.getAccessToken(options);
    } catch (error) {
      await onRefused(error);
      throw error;
    }
  },
});
