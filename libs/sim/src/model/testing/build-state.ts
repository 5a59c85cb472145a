/**
 * Builders for hand-made model states, so that a single submodel can be run
 * on a constructed situation (unit tests of §7 rules).
 */
import { resolveConfig, type SimConfig } from '../../params/sim-config';
import { newLoneTask, newPerson, newProduct, newProject, newTask, setProjectInterest } from '../entities';
import { createEmptyState } from '../state';
import type { LoneTask, Person, Product, Project, Role, SimState, Task } from '../types';

/** An empty state (no setup) for a config; seed defaults to 1. */
export function makeState(config: Partial<SimConfig> = {}): SimState {
  return createEmptyState(resolveConfig({ seed: 1, ...config }));
}

/** Skill list → bitmask. */
export function skillMask(skills: readonly number[]): number {
  return skills.reduce((m, s) => m | (1 << s), 0);
}

export interface PersonSpec {
  x?: number;
  y?: number;
  interest?: number;
  myTime?: number;
  time?: number;
  skills?: number[];
  usingPlatform?: boolean;
  history?: number[];
  points?: number;
}

/** Adds a #1, #9 or #90. */
export function addPerson(st: SimState, role: Role, s: PersonSpec = {}): Person {
  const interest = s.interest ?? 10;
  const x = s.x ?? (role === 1 ? 18 : role === 9 ? 20 : -20);
  const p = newPerson(st, role, x, s.y ?? -25 + interest, interest);
  p.myTime = s.myTime ?? 20;
  p.time = s.time ?? p.myTime;
  p.skill = skillMask(s.skills ?? (role === 90 ? [] : [0, 1, 2]));
  p.usingPlatform = s.usingPlatform ?? false;
  p.history = s.history ?? [0];
  p.points = s.points ?? 0;
  p.tasksSnap = [];
  return p;
}

/** Adds a project at (x, −25 + interest). */
export function addProject(st: SimState, s: { x?: number; interest?: number; rewardLevel?: number } = {}): Project {
  const interest = s.interest ?? 10;
  const p = newProject(st, s.x ?? 5, -25 + interest);
  setProjectInterest(st, p, interest);
  p.rewardLevel = s.rewardLevel ?? 50;
  return p;
}

/** Adds a task to a project (numTasks and the snapshot are kept in step). */
export function addTask(st: SimState, proj: Project, s: { typ3?: number; modularity?: number; timeRequired?: number; x?: number } = {}): Task {
  const t = newTask(st, proj, s.x ?? proj.x + 1, proj.y, proj.interest);
  t.typ3 = s.typ3 ?? 0;
  t.modularity = s.modularity ?? 1;
  t.timeRequired = s.timeRequired ?? 100;
  proj.numTasks++;
  proj.tasksSnap.push(t);
  return t;
}

/** Adds a lone task. */
export function addLone(st: SimState, s: { x?: number; interest?: number; modularity?: number; timeRequired?: number; product?: Product | null } = {}): LoneTask {
  const interest = s.interest ?? 10;
  const l = newLoneTask(st, s.x ?? 0, -25 + interest, interest);
  l.modularity = s.modularity ?? 1;
  l.timeRequired = s.timeRequired ?? 100;
  l.product = s.product ?? null;
  return l;
}

/** Adds a product. */
export function addProduct(st: SimState, s: { x?: number; interest?: number; volume?: number } = {}): Product {
  const interest = s.interest ?? 10;
  const q = newProduct(st, s.x ?? -10, -25 + interest, interest);
  q.volume = s.volume ?? 50;
  return q;
}

/** Fraction of `n` trials for which `trial(seed)` is true (each trial gets a fresh seed). */
export function frequency(n: number, trial: (seed: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (trial(i + 1)) k++;
  return k / n;
}
