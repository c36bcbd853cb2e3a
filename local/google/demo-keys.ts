import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { GoogleEmulatorError, GoogleEmulatorErrorCode } from './errors';
import type { GoogleWorkspaceConfig } from './types';

/** A demo key's JSON key file, as Google Cloud console downloads it, for the Admin console page's download link. */
export interface DemoKeyFile {
  clientId: string;
  projectId: string;
  privateKeyId: string;
  /** The file's bytes as they are on disk. */
  text: string;
}

const invalid = (message: string, cause?: unknown): GoogleEmulatorError =>
  new GoogleEmulatorError(GoogleEmulatorErrorCode.ConfigInvalid, message, { cause });

const field = (json: Record<string, unknown>, name: string, file: string): string => {
  const value = json[name];
  if (typeof value !== 'string' || value === '') throw invalid(`Demo key file ${file}: ${name} must be a string`);
  return value;
};

const spki = (key: KeyObject): Buffer => key.export({ type: 'spki', format: 'der' });

/**
 * Reads the config's demo key files (keys with `demoKeyFile`) and checks each is that very key: its client_email and
 * private_key_id, and a private key whose public half is the one the config registers. A file that does not match
 * fails the start, so the download link never hands out a key the token endpoint would refuse.
 */
export const loadDemoKeys = (config: GoogleWorkspaceConfig): DemoKeyFile[] =>
  config.serviceAccounts.flatMap((account) =>
    account.keys.flatMap((key) => {
      const file = key.demoKeyFile;
      if (file === undefined) return [];
      let text: string;
      let json: Record<string, unknown>;
      try {
        text = readFileSync(file, 'utf8');
        json = JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        throw invalid(`Cannot read demo key file ${file} as JSON`, error);
      }
      if (typeof json !== 'object' || json === null) throw invalid(`Demo key file ${file}: not a JSON object`);
      if (field(json, 'client_email', file) !== account.clientEmail) {
        throw invalid(`Demo key file ${file}: client_email is not ${account.clientEmail}`);
      }
      if (field(json, 'private_key_id', file) !== key.privateKeyId) {
        throw invalid(`Demo key file ${file}: private_key_id is not ${key.privateKeyId}`);
      }
      let matches: boolean;
      try {
        const privateKey = createPrivateKey(field(json, 'private_key', file));
        matches = spki(createPublicKey(privateKey)).equals(spki(createPublicKey(key.publicKeyPem)));
      } catch (error) {
        throw invalid(`Demo key file ${file}: private_key is not a PEM private key`, error);
      }
      if (!matches) throw invalid(`Demo key file ${file}: private_key does not match key ${key.privateKeyId}`);
      return [{ clientId: account.clientId, projectId: account.projectId, privateKeyId: key.privateKeyId, text }];
    }),
  );
