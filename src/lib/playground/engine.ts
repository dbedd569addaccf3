/**
 * Everything the playground does that needs the session engine, in one module the island loads
 * on first use: opening the page costs no engine download.
 */
export { cookieAnatomy } from './anatomy.ts';
export {
  changeKeyExperiment,
  expiryExperiment,
  noSecretKeyExperiment,
  replayLesson,
  rotateKeyExperiment,
  tamperCookie,
  tamperExperiment,
} from './experiments.ts';
// The browser's request: the simulator's, or real Flask's while "Edit and run" has set it.
export { sendRequest, sendToRealFlask } from './real-flask.ts';
// The simulator's request, whichever is set: the runner compares real Flask with it.
export { sendRequest as simulateRequest } from './run.ts';
