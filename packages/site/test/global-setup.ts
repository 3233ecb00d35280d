import { buildClient } from '../client-build.js';

/** The browser tests run the client scripts bundled from the sources now, never a stale build. */
export default async function setup(): Promise<void> {
  await buildClient();
}
