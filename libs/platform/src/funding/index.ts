export { allocateWholeCredits, computeQuadraticMatching, idealQuadraticMatch, type QuadraticMatchingOptions } from './quadratic';
export { decidePledge, fundingCeiling, isFunded, progressBand, type NeedFunding, type PledgeDecision, type RoundRules, type TPledgeRefusal, type TProgressBand } from './direct';
export { ALMOST_THERE_RATIO, rankNeeds, type RankableNeed, type RankedNeed } from './ranking';
export { NEED_ACTIONS, NEED_STATUSES, acceptsPledges, decideNeedAction, needStatusLabel, type NeedActorFacts, type TNeedAction, type TNeedStatus } from './need-lifecycle';
export { POINTS_PER_EFFORT_HOUR, REPUTATION_WEIGHTS, computeReputation, decayFactor, type Reputation, type ReputationFacts, type ReputationWeights } from './reputation';
export { computeEarnedBudget, describeEarnedFormula, explainEarnedBudget, type EarnedBudget, type EarnedRule, type TEarnedRuleRefusal } from './earned-budget';
export {
  ZBountyInput,
  ZChecklistAddInput,
  ZChecklistToggleInput,
  ZCreateNeedInput,
  ZGrantCreditsInput,
  ZNeedAction,
  ZNeedActionInput,
  ZNeedCommentInput,
  ZNeedFeatureInput,
  ZNeedSource,
  ZOpenRoundInput,
  ZPledgeInput,
  ZThanksInput,
  ZUpdateNeedInput,
  ZWithdrawPledgeInput,
} from './funding.schemas';
export type { NeedPermissions, NeedService, NeedSummaryView, NeedView } from './need.service';
export type { PledgeResult, RoundResults, RoundService, RoundView, TPledgeRefusalReason } from './round.service';
export type { ContributionView, ProfileView, RecognitionService } from './recognition.service';
export type { TBudgetMode, TFundingMechanism, TRoundStatus } from './round.repository';
