export { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
