/**
 * The machine's own clock, taken when this module is first loaded: before a test replaces the global Date with a
 * warped one (test/e2e/support/warped-date.ts). The host tells its function processes how far its Date is from
 * this clock, so they keep the same time as the host to the millisecond whatever the message took to arrive.
 */
export const machineNow: () => number = Date.now.bind(Date);
