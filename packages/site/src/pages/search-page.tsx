/** @jsxRuntime automatic @jsxImportSource preact */
import { Layout } from '../components/layout.js';

/** The search page: the form works without script (it reloads with ?q=); the script searches the index. */
export function SearchPage() {
  return (
    <Layout title="Search" path="search.html" scripts={['search-client.js']}>
      <h1>Search the design</h1>
      <form id="search-form" action="search.html" method="get" class="filters">
        <label>
          Ids, names, descriptions and attributes
          <input id="q" name="q" type="search" autocomplete="off" />
        </label>
        <button type="submit">Search</button>
      </form>
      <p id="search-status" role="status" aria-live="polite">
        <span class="no-script">
          Searching needs JavaScript; every element is also listed by kind on the dashboard.
        </span>
      </p>
      <div id="results" />
    </Layout>
  );
}
