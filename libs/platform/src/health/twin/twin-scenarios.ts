/**
 * The platform features of the model (MODEL.md; the final variant, where all of them exist) as
 * forecast scenarios: all off, each on by itself, and all on. `platform-features` is one switch
 * for the ranking of projects by activity and the crowd-funding push, so those two cannot be
 * separated; bounties and reputation are two values of one choice (`reward-mechanism-2`), so
 * "all on" uses reputation (the final version's default).
 */
export const TWIN_VARIANT = 'final' as const;

export interface TwinScenario {
  id: 'off' | 'ranking' | 'featured-needs' | 'bounties' | 'reputation' | 'all';
  label: string;
  params: Record<string, number | boolean | string>;
}

const on = { 'platform-features': true, 'featured-needs?': false, 'reward-mechanism-2': 'baseline-both' };

export const TWIN_SCENARIOS: readonly TwinScenario[] = [
  { id: 'off', label: 'All features off', params: { 'platform-features': false, 'featured-needs?': false, 'reward-mechanism-2': 'baseline-both' } },
  { id: 'ranking', label: 'Ranking and crowd-funding', params: on },
  { id: 'featured-needs', label: 'Featured needs', params: { ...on, 'featured-needs?': true } },
  { id: 'bounties', label: 'Bounties', params: { ...on, 'reward-mechanism-2': 'bounties' } },
  { id: 'reputation', label: 'Reputation', params: { ...on, 'reward-mechanism-2': 'reputation' } },
  { id: 'all', label: 'All on (reputation)', params: { ...on, 'featured-needs?': true, 'reward-mechanism-2': 'reputation' } },
];

/**
 * The features assumed during the observed weeks: the platform's ranking and crowd-funding (a
 * community on this platform sees both), none of the optional ones.
 */
export const TWIN_CALIBRATION_SCENARIO: TwinScenario = TWIN_SCENARIOS[1] as TwinScenario;
