/**
 * `go`: one tick in the schedule order of MODEL.md §3.2.
 */
import { NetLogoHalt } from './runtime-errors';
import { changeBreed } from './submodels/change-breed';
import { allAge, updateCommunityActivity } from './submodels/community-activity';
import { consumeProducts } from './submodels/consume-products';
import { contributeToTasks } from './submodels/contribute';
import { dropProjects } from './submodels/drop-projects';
import { entry } from './submodels/entry';
import { exit } from './submodels/exit';
import { advertiseFeaturedTasks, findFeaturedTasks } from './submodels/featured-tasks';
import { findProjects } from './submodels/find-projects';
import { findProjectsFinal } from './submodels/find-projects-final';
import { findTasks } from './submodels/find-tasks';
import { finishTasks } from './submodels/finish-tasks';
import { finishedProjects } from './submodels/finished-projects';
import { makeAndLoseFriends } from './submodels/friends';
import { giveOutReward } from './submodels/give-reward';
import { newProjects } from './submodels/new-projects';
import { updatePositions } from './submodels/positions';
import { updateProductPosition } from './submodels/product-position';
import { productsDie } from './submodels/products-die';
import { updateProjectPosition } from './submodels/project-position';
import { projectsDie } from './submodels/projects-die';
import { calcRecentActivity } from './submodels/recent-activity';
import { setBounties } from './submodels/set-bounties';
import { stopChecks } from './submodels/stop-checks';
import { tasksIdentified } from './submodels/tasks-identified';
import type { SimState } from './types';

/** One named step of the schedule. */
export interface ScheduleStep {
  readonly id: string;
  readonly run: (st: SimState) => void;
}

const D22: readonly ScheduleStep[] = [
  { id: 'S1 find-projects', run: findProjects },
  { id: 'S2 find-tasks', run: findTasks },
  { id: 'S3 contribute-to-tasks', run: contributeToTasks },
  { id: 'S4 drop-projects', run: dropProjects },
  { id: 'S5 make-and-lose-friends', run: makeAndLoseFriends },
];
const FINAL_HEAD: readonly ScheduleStep[] = [
  { id: 'F1 set-bounties', run: setBounties },
  { id: 'F2 find-projects', run: findProjectsFinal },
  { id: 'S2/F3 find-tasks', run: findTasks },
  { id: 'F4 find-featured-tasks', run: findFeaturedTasks },
  { id: 'S3 contribute-to-tasks', run: contributeToTasks },
  { id: 'S4 drop-projects', run: dropProjects },
  { id: 'S5 make-and-lose-friends', run: makeAndLoseFriends },
  { id: 'F5 advertise-featured-tasks', run: advertiseFeaturedTasks },
];
const TAIL: readonly ScheduleStep[] = [
  { id: 'S6 finish-tasks', run: finishTasks },
  { id: 'S7 give-out-reward', run: giveOutReward },
  { id: 'S8 finished-projects', run: finishedProjects },
  { id: 'S9 tasks-identified', run: tasksIdentified },
  { id: 'S10 projects-die', run: projectsDie },
  { id: 'S11 calc-recent-activity', run: calcRecentActivity },
  { id: 'S12 update-project-position', run: updateProjectPosition },
  { id: 'S13 new-projects', run: newProjects },
  { id: 'S14 consume-products', run: consumeProducts },
  { id: 'S15 update-product-position', run: updateProductPosition },
  {
    id: 'S16 update-positions',
    run: (st) => {
      if (st.ticks % 20 === 0) updatePositions(st);
    },
  },
  { id: 'S17 products-die', run: productsDie },
  { id: 'S18 entry', run: entry },
  { id: 'S19 exit', run: exit },
  { id: 'S20 change-breed', run: changeBreed },
  { id: 'S21 all-age', run: allAge },
  { id: 'S22 update-community-activity', run: updateCommunityActivity },
  { id: 'S23 stop-checks', run: stopChecks },
];

/** The schedule of a variant, in order (steps 0–23 of §3.2). */
export function schedule(isFinal: boolean): readonly ScheduleStep[] {
  return isFinal ? [...FINAL_HEAD, ...TAIL] : [...D22, ...TAIL];
}

const SCHEDULE_D22 = schedule(false);
const SCHEDULE_FINAL = schedule(true);

/**
 * Runs one `go`. A NetLogo runtime error in abort mode ends the run with
 * stop reason `error:<code>`; the partial tick is then observed as-is.
 */
export function go(st: SimState): void {
  if (st.stopped) return;
  st.curObs = st.obs + 1;
  try {
    for (const step of st.isFinal ? SCHEDULE_FINAL : SCHEDULE_D22) {
      step.run(st);
      if (st.stopped) break;
    }
  } catch (e) {
    if (!(e instanceof NetLogoHalt)) throw e;
    st.stopped = true;
    st.stopReason = `error:${e.code}`;
  }
  if (!st.stopped) st.ticks++;
  st.obs++;
}
