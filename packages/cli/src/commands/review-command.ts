import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import { TraceryError } from '@tracery/core';
import { findSuspectLinks, reviewLinks, type SuspectLink } from '@tracery/core/advanced';
import { textTable } from '@tracery/core/render';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { plural } from '../plural.js';
import { withRepoOption } from '../repository-option.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';

/** Renders suspect links as a table: the link, why it is suspect, and the stamps. */
export function renderSuspectLinks(links: readonly SuspectLink[]): string {
  if (links.length === 0) return 'no suspect links';
  return `${plural(links.length, 'suspect link')}\n${textTable(
    ['link', 'reason', 'reviewed', 'now'],
    links.map((l) => [`${l.source} -${l.type}-> ${l.target}`, l.reason, l.reviewed ?? '', l.current]),
  )}`;
}

/** Who records a review: `--by`, else git's user.name in the repository, else the login name. */
async function reviewer(root: string, by: string | undefined): Promise<string> {
  if (by !== undefined) return by;
  const name = await promisify(execFile)('git', ['config', 'user.name'], { cwd: root, encoding: 'utf8' })
    .then((r) => r.stdout.trim())
    .catch(() => '');
  if (name !== '') return name;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Registers `tracery review [target...]`: list suspect links, or record a review of a link or an element's links. */
export function registerReview(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const review = withRepoOption(
    program
      .command('review')
      .description(
        'Without a target, list the suspect links (an end changed since the link was reviewed). With a link ("IF-021 carries MB-M0") or an element id, record a review: the current content hashes go into the link\'s reviewed attribute, in the file where it is written.',
      )
      .argument('[target...]', 'a link, as "A -type-> B" or "A type B", or an element id'),
  )
    .option('--json', 'print the JSON envelope instead of text')
    .option('--by <name>', "who reviews (default: git's user.name, else the login name)")
    .addHelpText(
      'after',
      '\nA review records the stamp, who (reviewedBy) and when (reviewedAt, UTC) on each link. It is not a change:\ndiff lists it under "reviewed", and impact --since starts from no reviewed link.\nRecording a review is refused while the repository has load errors (see --allow-errors).\nExit codes: 0 done (or no suspect links), 1 suspect links listed or load errors, 2 bad usage or unknown target.',
    );
  allowErrorsOption(review).action(
    async (
      target: string[],
      options: { repo?: string; json?: boolean; allowErrors?: boolean; by?: string },
    ) => {
      const run = new CommandRun('review', io, options.json === true);
      const loaded = await run.load(undefined, options.repo);
      if (!loaded) return setExit(run.exitCode);
      if (target.length === 0) {
        const settings = loaded.config.suspectLinks;
        const links = findSuspectLinks(loaded.model, {
          unreviewed: settings?.unreviewed ?? false,
          ...(settings?.types ? { types: settings.types } : {}),
        });
        return setExit(
          await run.finish({
            ok: links.length === 0,
            payload: { links },
            text: () => renderSuspectLinks(links),
            exit: links.length > 0 ? EXIT.findings : EXIT.ok,
          }),
        );
      }
      // The ends of the link (or the element) must be ids the model holds.
      const words = target.join(' ').trim().split(/\s+/);
      const ends = words.length === 1 ? words : [words[0] ?? '', words[words.length - 1] ?? ''];
      if (!run.requireIds(loaded.model, ends)) return setExit(run.exitCode);
      if (!guardWrites('review', loaded.diagnostics, io, options.allowErrors).write)
        return setExit(EXIT.findings);
      if (options.by !== undefined && options.by.trim() === '')
        return setExit(run.fail('--by: give a name, such as --by "Ada Analyst".'));
      try {
        const by = await reviewer(loaded.root, options.by?.trim());
        const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        const reviewed = await reviewLinks(loaded.root, loaded.model, target.join(' '), { by, at });
        setExit(
          await run.finish({
            ok: true,
            payload: { reviewed },
            text: () =>
              reviewed.length === 0
                ? 'nothing to review: every link is reviewed as it is now'
                : reviewed
                    .map(
                      (r) => `reviewed ${r.source} -${r.type}-> ${r.target} in ${r.file} (by ${by} at ${at})`,
                    )
                    .join('\n'),
            exit: EXIT.ok,
          }),
        );
      } catch (error) {
        if (!(error instanceof TraceryError)) throw error;
        setExit(run.fail(error.message));
      }
    },
  );
}
