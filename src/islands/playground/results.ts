/**
 * The views of what requests produced (the page, the cookie jar, the request table, the last
 * exchange, the cookie's anatomy), in one module the island loads once there is something to show: a fresh page has
 * only their empty states, which the island itself renders. Also the way to the editor and Python
 * runner, so the page's own code does not list the runner's files (see `ServerPane`).
 */
export { AnatomyDetails } from './AnatomyDetails.tsx';
export { ExchangeView } from './ExchangeView.tsx';
export { CookieJar, PageContent } from './PageContent.tsx';
export { RowsTable } from './RowsTable.tsx';

/** "Edit and run": the editor and the Python runner, downloaded when the learner asks for them. */
export const loadPythonRunner = () =>
  import('../python-runner/PythonRunner.tsx').then((loaded) => loaded.default);
