/**
 * The views of what requests produced (the page, the cookie jar, the request table, the last
 * exchange, the cookie's anatomy), in one module the island loads once there is something to show: a fresh page has
 * only their empty states, which the island itself renders.
 */
export { AnatomyDetails } from './AnatomyDetails.tsx';
export { ExchangeView } from './ExchangeView.tsx';
export { CookieJar, PageContent } from './PageContent.tsx';
export { RowsTable } from './RowsTable.tsx';
