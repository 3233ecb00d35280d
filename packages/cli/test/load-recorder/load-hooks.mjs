import { appendFileSync } from 'node:fs';

// The module hooks of record-loads.mjs (they run on a thread of their own): each module's URL as it loads.
let log = '';

export function initialize(data) {
  log = data.log;
}

export async function load(url, context, nextLoad) {
  appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
