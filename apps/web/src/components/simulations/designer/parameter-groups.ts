/**
 * The 54 interface parameters grouped by the part of the model they drive, following MODEL.md:
 * setup (§5), the platform (§10 platform-features, F-submodels), rewards (S7, F), projects and
 * tasks (S6–S13), contributing (S1–S5), products (S14–S17, §7.25) and the population flows
 * (S18–S20). A test checks that every parameter is in exactly one group.
 */
export interface ParameterGroup {
  id: string;
  title: string;
  description: string;
  parameters: readonly string[];
}

export const PARAMETER_GROUPS: readonly ParameterGroup[] = [
  {
    id: 'setup',
    title: 'Community at setup',
    description: 'Who and what exists at tick 0 (MODEL.md §5).',
    parameters: ['initial-number-1s', 'initial-number-9s', 'initial-number-90s', 'initial-projects', 'initial-tasks', 'num-interest-categories', 'number-of-products', 'community-type'],
  },
  {
    id: 'platform',
    title: 'Platform features',
    description: 'The platform’s own features: ranking, featured needs, visibility (§10, F1–F5).',
    parameters: [
      'platform-features',
      'proportion-using-platform',
      'featured-needs?',
      'prob-9-finds-featured-need',
      'prob-project-advertises-a-task',
      'prop-of-projects-initially-private',
      'proportion-onplatform-projects',
      'max-noise',
    ],
  },
  {
    id: 'rewards',
    title: 'Rewards and recognition',
    description: 'Thanks, points, reputation and bounties (S7, F).',
    parameters: ['reward-mechanism', 'reward-mechanism-2', 'prop-of-projects-reward-subjective', 'chance-forget-thanks', 'prob-set-a-bounty', 'bountiesEffect', 'reputationEffect', 'chance-9-chases-a-bounty'],
  },
  {
    id: 'projects',
    title: 'Projects and tasks',
    description: 'How work appears, is done and dies (S6–S13).',
    parameters: [
      'mean-time-required',
      'max-modularity',
      'chance-of-finding-new-task',
      'chance-new-loneTask',
      'chance-contributor-proposes-a-new-project',
      'chance-a-project-hatches-a-project',
      'chance-unpopular-project-dies',
      'prop-productless-proj',
    ],
  },
  {
    id: 'contributing',
    title: 'Finding and joining work',
    description: 'How #9s and #1s pick projects and tasks, and drop them; friendships (S1–S5).',
    parameters: [
      'prob-9-decides-to-join-project',
      'prob-9-contributes-to-friends-task',
      'prob-9-contributes-to-none-friend-task',
      'chance-9-picks-tasks-with-friends',
      'prob-1-drop-lonely-project',
      'prob-9-drop-a-lonely-or-no-tasks-project',
      'chance-forget-a-friend',
    ],
  },
  {
    id: 'products',
    title: 'Products and consumption',
    description: 'What #90s consume and how products grow and die (S14–S17, §7.25).',
    parameters: [
      'chance-90-picks-another-product',
      'chance-consumer-link-breaks',
      'chance-products-die',
      'prop-consumed-each-time',
      'max-project-initial-volume',
      'volume-increment-to-initial-volume-ratio',
      'task-project-volume-increment-ratio',
    ],
  },
  {
    id: 'flows',
    title: 'Entry, exit and role change',
    description: 'Who joins, leaves, burns out or changes role (S18–S20).',
    parameters: ['new-9s-barrier', 'new-90s-barrier', 'chance-9s-exit', 'chance-90s-exit', 'chance-1-burn-out', 'chance-9-become-1', 'chance-1-become-9', 'chance-90-find-a-task'],
  },
];
