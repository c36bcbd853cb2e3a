/**
 * `npm run bundle`: the bundle step of `forge deploy` (@forge/bundler, offline), into build/forge-bundle/. Fails when
 * the bundler fails (e.g. a root tsconfig.json that does not emit) or a manifest function's export is missing. Prints
 * one bundle per handler file (manifest.yml gives each function its own), then the chunks they load on first use.
 */
import path from 'node:path';

import { bundleInputsDigest, bundleIsCurrent, bundleStamp } from './bundle-inputs';
import { bundledHandlerFiles, bundleForge, DEFAULT_BUNDLE_DIR, missingHandlers, ROOT } from './forge-bundle';

const main = async (): Promise<void> => {
  const started = Date.now();
  const digest = await bundleInputsDigest(ROOT);
  const stamp = bundleStamp(DEFAULT_BUNDLE_DIR);
  if (
    !process.argv.includes('--force') &&
    (await bundleIsCurrent(DEFAULT_BUNDLE_DIR, digest, await bundledHandlerFiles()))
  ) {
    console.log(
      `${path.relative(ROOT, DEFAULT_BUNDLE_DIR)}/ is up to date: no input changed since it was bundled (--force bundles anyway)`,
    );
    return;
  }
  await stamp.forget();
  const result = await bundleForge();
  for (const warning of result.warnings) console.warn(`warning: ${warning.split('\n')[0] ?? ''}`);
  const missing = missingHandlers(result);
  for (const entry of result.entries) {
    const functions = Object.keys(entry.functions).join(', ');
    console.log(`${path.relative(ROOT, entry.file)}: ${(entry.bytes / 1024).toFixed(1)} KiB, functions ${functions}`);
  }
  // Chunks are loaded by an entry on first use (the template engine), never when a function starts.
  for (const chunk of result.chunks) {
    const file = path.relative(ROOT, path.join(result.outDir, chunk.file));
    console.log(`${file}: ${(chunk.bytes / 1024).toFixed(1)} KiB, loaded on first use`);
  }
  if (missing.length > 0) {
    console.error(`Handlers missing from the bundle: ${missing.join(', ')}`);
    process.exit(1);
  }
  await stamp.record(digest, result);
  console.log(
    `Bundled ${result.entries.length} handler file(s) with @forge/bundler in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
