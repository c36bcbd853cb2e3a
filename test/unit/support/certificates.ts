import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (name: string): string => readFileSync(join(__dirname, '../../fixtures/certificates', name), 'utf8');

/** Self-signed test certificates and keys (see test/fixtures/certificates/README.md). */
export const APP_CERTIFICATE = read('app.cert.pem');
export const APP_KEY = read('app.key.pem');
export const APP_RSA_KEY = read('app.rsa-key.pem');
export const APP_ENCRYPTED_KEY = read('app.encrypted-key.pem');
export const OTHER_KEY = read('other.key.pem');
export const EC_CERTIFICATE = read('ec.cert.pem');
export const EC_KEY = read('ec.key.pem');

/** `openssl x509 -fingerprint -sha1` of app.cert.pem, without colons: what Entra's portal shows. */
export const APP_THUMBPRINT = '97A1B2816841D26DECC0452AA3BB70D3F8D44442';
