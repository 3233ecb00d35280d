import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { loadRepository } from '@tracery/core';
import { buildSite, type SiteServer, serveSite } from '@tracery/site';

/** The MHHS example repository. */
export const MHHS = join(import.meta.dirname, '..', '..', 'examples', 'mhhs');

/** Builds the MHHS example's site into a temporary folder and serves it on 127.0.0.1. */
export async function serveMhhsSite(): Promise<SiteServer & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-site-'));
  const loaded = await loadRepository(MHHS, { loaders: [bpmnSourceLoader()] });
  await buildSite(loaded, { out: dir });
  return { ...(await serveSite(dir)), dir };
}
