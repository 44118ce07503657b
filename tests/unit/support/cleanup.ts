/**
 * For teardown that must not fail the test it follows (a browser or server already gone, a
 * screenshot of a crashed page): the failure is printed, not swallowed, so a cleanup that
 * keeps failing is seen in the test output.
 */
export function reportCleanupFailure(error: unknown): void {
  console.warn('cleanup failed (ignored):', error instanceof Error ? error.message : error);
}
