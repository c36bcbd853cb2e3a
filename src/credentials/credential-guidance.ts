/**
 * What an admin does about a credential that lacks its secret or key in secret storage: Test connection's token step
 * says it, and so does every admin answer with SECRET_MISSING or PRIVATE_KEY_MISSING (src/messages/).
 */
export const NO_SECRET_MESSAGE =
  "No client secret is stored for this credential. Edit it, paste the client secret's Value and save.";
export const NO_PRIVATE_KEY_MESSAGE =
  'No private key is stored for this credential. Edit it, paste the certificate and its private key and save.';
