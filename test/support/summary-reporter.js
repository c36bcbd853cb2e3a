/**
 * Ends a jest run with one plain line, "<suite>: N passed, N failed[, N skipped]", which CI reads in any language.
 */
class SummaryReporter {
  constructor(globalConfig, options = {}) {
    this.label = options.label || 'tests';
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${this.label}: ${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    // Written at exit so that it comes after jest's own summary, as the run's last line.
    process.once('exit', () => process.stdout.write(`${skipped > 0 ? `${line}, ${skipped} skipped` : line}\n`));
  }
}

module.exports = SummaryReporter;
