// The requirement trace table: filters ("only failing", tranche, service, text) and sorting by column.
document.documentElement.classList.add('js');

const table = document.querySelector<HTMLTableElement>('#trace-table');
const body = table?.tBodies[0];
const onlyFailing = document.querySelector<HTMLInputElement>('#only-failing');
const tranche = document.querySelector<HTMLSelectElement>('#tranche');
const service = document.querySelector<HTMLSelectElement>('#service');
const contains = document.querySelector<HTMLInputElement>('#contains');
const count = document.querySelector<HTMLElement>('#trace-count');

function filter(): void {
  if (!body) return;
  let shown = 0;
  const text = (contains?.value ?? '').trim().toLowerCase();
  for (const row of Array.from(body.rows)) {
    const visible =
      (!onlyFailing?.checked || row.dataset.verdict === 'failing') &&
      (!tranche?.value || row.dataset.tranche === tranche.value) &&
      (!service?.value || (row.dataset.services ?? '').split(' ').includes(service.value)) &&
      (text === '' || (row.textContent ?? '').toLowerCase().includes(text));
    row.hidden = !visible;
    if (visible) shown++;
  }
  if (count) count.textContent = `${shown} of ${body.rows.length} requirements shown.`;
}

function sortBy(column: number, button: HTMLButtonElement): void {
  if (!body || !table) return;
  const ascending = button.dataset.direction !== 'ascending';
  for (const other of Array.from(table.querySelectorAll<HTMLElement>('th')))
    other.removeAttribute('aria-sort');
  button.dataset.direction = ascending ? 'ascending' : 'descending';
  button.closest('th')?.setAttribute('aria-sort', button.dataset.direction);
  const key = (row: HTMLTableRowElement) => {
    const cell = row.cells[column];
    return cell?.dataset.sort ?? cell?.textContent ?? '';
  };
  const rows = Array.from(body.rows).sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
  });
  body.append(...rows);
}

if (table) {
  // Each column heading becomes a button (keyboard reachable) that sorts by that column.
  Array.from(table.tHead?.rows[0]?.cells ?? []).forEach((th, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    button.addEventListener('click', () => sortBy(column, button));
    th.replaceChildren(button);
  });
}
for (const control of [onlyFailing, tranche, service, contains]) control?.addEventListener('input', filter);
document.querySelector('#trace-filters')?.addEventListener('submit', (event) => event.preventDefault());
filter();
