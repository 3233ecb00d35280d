import MiniSearch, { type SearchResult } from 'minisearch';
import { elementHref } from '../href.js';
import { SEARCH_OPTIONS, type SearchDocument, type StoredFields } from '../search/search-options.js';

document.documentElement.classList.add('js');

const base = document.body.dataset.base ?? '';
const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#q');
const output = document.querySelector<HTMLElement>('#results');
const status = document.querySelector<HTMLElement>('#search-status');

let index: MiniSearch<SearchDocument> | undefined;

async function loadIndex(): Promise<MiniSearch<SearchDocument>> {
  if (!index) {
    const text = await (await fetch(`${base}data/search.json`)).text();
    index = MiniSearch.loadJSON<SearchDocument>(text, SEARCH_OPTIONS);
  }
  return index;
}

function render(query: string, results: (SearchResult & Partial<StoredFields>)[]): void {
  if (!output || !status) return;
  output.replaceChildren();
  status.textContent =
    query === ''
      ? 'Type a word, a name or an id.'
      : `${results.length} result${results.length === 1 ? '' : 's'} for “${query}”.`;
  const byKind = new Map<string, typeof results>();
  for (const r of results) {
    const group = byKind.get(r.kind ?? '');
    if (group) group.push(r);
    else byKind.set(r.kind ?? '', [r]);
  }
  // Kinds in the order of their best result, so the best match heads the page.
  for (const [kind, list] of byKind) {
    const section = document.createElement('section');
    section.className = 'results-group';
    const heading = document.createElement('h2');
    heading.textContent = `${kind} (${list.length})`;
    const ul = document.createElement('ul');
    ul.className = 'plain';
    for (const r of list.slice(0, 100)) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.className = 'id';
      a.href = elementHref(String(r.id), base);
      a.textContent = String(r.id);
      li.append(a, ` ${r.name ?? ''}`);
      ul.append(li);
    }
    section.append(heading, ul);
    output.append(section);
  }
}

async function run(query: string): Promise<void> {
  const trimmed = query.trim();
  if (trimmed === '') return render('', []);
  const results = (await loadIndex()).search(trimmed) as (SearchResult & Partial<StoredFields>)[];
  // An exact id comes first, whatever its score.
  results.sort(
    (a, b) =>
      Number(String(b.id).toLowerCase() === trimmed.toLowerCase()) -
      Number(String(a.id).toLowerCase() === trimmed.toLowerCase()),
  );
  render(trimmed, results);
}

const initial = new URLSearchParams(window.location.search).get('q') ?? '';
if (input) input.value = initial;
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input?.value ?? '';
  history.replaceState(null, '', `?q=${encodeURIComponent(query)}`);
  void run(query);
});
void run(initial);
