/**
 * Tells whether an answer is still wanted. Each request takes a ticket and only the newest ticket's
 * answer may be applied, so an answer that arrives after a later request's is dropped.
 */
export class LatestOnly {
  #newest = 0

  take(): number {
    this.#newest += 1
    return this.#newest
  }

  isNewest(ticket: number): boolean {
    return ticket === this.#newest
  }

  /** Makes every answer still on its way unwanted, as when the question itself went away. */
  dropAll(): void {
    this.#newest += 1
  }
}
