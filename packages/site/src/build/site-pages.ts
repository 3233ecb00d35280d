import { type ComponentChild, h } from 'preact';
import { ImpactPage } from '../pages/impact-page.js';
import { SearchPage } from '../pages/search-page.js';
import { TracePage } from '../pages/trace-page.js';
import { TrackerPage } from '../pages/tracker-page.js';
import { ChangeRequestsView } from '../views/change-requests-view.js';
import { DataModelView } from '../views/data-model-view.js';
import { InterfacesView } from '../views/interfaces-view.js';
import { ProcessesView } from '../views/processes-view.js';
import { ServicesView } from '../views/services-view.js';

/**
 * The site's pages other than the dashboard and the element pages: [path, depth below the root, page].
 * A new page is one line here and a link in the layout's navigation.
 */
export function sitePages(): [string, number, ComponentChild][] {
  return [
    ['search.html', 0, h(SearchPage, {})],
    ['trace.html', 0, h(TracePage, {})],
    ['impact.html', 0, h(ImpactPage, {})],
    ['tracker.html', 0, h(TrackerPage, {})],
    ['v/services.html', 1, h(ServicesView, {})],
    ['v/interfaces.html', 1, h(InterfacesView, {})],
    ['v/data.html', 1, h(DataModelView, {})],
    ['v/processes.html', 1, h(ProcessesView, {})],
    ['v/change-requests.html', 1, h(ChangeRequestsView, {})],
  ];
}
