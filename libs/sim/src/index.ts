// Public API of @p2pvalue/sim. Curated: the lead adds exports here as the engine lands.
export { MODEL_VERSION } from './version';
