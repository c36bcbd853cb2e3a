/** `npm run validate:manifest`: Atlassian's own manifest validator (@forge/manifest), full mode, offline. */
import { validateManifest } from './forge-checks';

const main = async (): Promise<void> => {
  const { success, findings } = await validateManifest();
  for (const f of findings)
    console.log(`${f.file}:${f.line}:${f.column} ${f.level} ${f.message} (${f.reference ?? ''})`);
  if (!success || findings.length > 0) {
    console.log(`manifest.yml: ${findings.length} finding(s)`);
    process.exit(1);
  }
  console.log('manifest.yml: valid, no errors or warnings');
};

void main();
