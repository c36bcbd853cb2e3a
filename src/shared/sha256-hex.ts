import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 of a string's UTF-8 bytes as lower-case hex: the same digest as node:crypto's createHash('sha256'), so
 * storage keys made before this existed still match. A function that only hashes a mailbox or a token's identity
 * (every email worker run) would otherwise load node:crypto, and Web Crypto loads the same internals: 4 to 6 ms of
 * a cold start here, measured with `npm run bench`, against well under 1 ms for this.
 */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
