/** What every page needs to know about the site it is on. */
export interface Site {
  /** True where the Worker serves invented test data (SERVE_FIXTURE_DATA); pages then say so. */
  fixtureData: boolean;
}
