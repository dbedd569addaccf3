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
export { sendRequest } from './run.ts';
