'use strict';
// Only the Forge CLI's login store uses keytar; the offline linter never does.
const unavailable = () => Promise.reject(new Error('keytar is not available in this project'));
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findCredentials: unavailable,
  findPassword: unavailable,
};
