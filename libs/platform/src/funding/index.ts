export { allocateWholeCredits, computeQuadraticMatching, idealQuadraticMatch, type QuadraticMatchingOptions } from './quadratic';
export { decidePledge, fundingCeiling, isFunded, progressBand, type NeedFunding, type PledgeDecision, type RoundRules, type TPledgeRefusal, type TProgressBand } from './direct';
export { ALMOST_THERE_RATIO, rankNeeds, type RankableNeed, type RankedNeed } from './ranking';
