import { describe, it, expect } from 'vitest';
import { createTasks } from './project-factory';
import { addProject, makeState } from './testing/build-state';
import { spawnTask } from './submodels/tasks-identified';

function typ3Histogram(fixes: boolean, mode: 'set' | 'unset'): number[] {
  const st = makeState({ fixes: { taskSkills: fixes } });
  const h = new Array<number>(10).fill(0);
  for (let i = 0; i < 3000; i++) {
    const proj = addProject(st);
    for (const t of createTasks(st, proj, 5, proj.interest, proj.x, proj.y, mode)) h[t.typ3]! += 1;
  }
  return h;
}

describe('§7.24 task skill type', () => {
  it('"not yet set" batches: P(typ3 = 0) ≈ 0.556 and skill 9 never required (B9)', () => {
    const h = typ3Histogram(false, 'unset');
    const n = h.reduce((a, b) => a + b, 0);
    expect(h[0]! / n).toBeCloseTo(0.5 + 0.5 / 9, 1);
    expect(h[9]).toBe(0);
  });

  it('"already set" (D2.2 initial) batches copy initialised siblings and never give 9', () => {
    const h = typ3Histogram(false, 'set');
    expect(h[9]).toBe(0);
    const n = h.reduce((a, b) => a + b, 0);
    expect(h[0]! / n).toBeGreaterThan(0.15);
    expect(h[0]! / n).toBeLessThan(0.5);
  });

  it('corrected rule (fix.taskSkills) spreads types over 0..9', () => {
    const h = typ3Histogram(true, 'unset');
    const n = h.reduce((a, b) => a + b, 0);
    for (const c of h) expect(c / n).toBeCloseTo(0.1, 1);
  });

  it('create-new-task keeps the project and increments num-tasks', () => {
    const st = makeState();
    const proj = addProject(st);
    const [parent] = createTasks(st, proj, 3, proj.interest, proj.x, proj.y, 'unset');
    const child = spawnTask(st, parent!);
    expect(child.project).toBe(proj);
    expect(proj.numTasks).toBe(4);
    expect(st.counters.newTasksCount).toBe(1);
    expect(Math.hypot(child.x - parent!.x, child.y - parent!.y)).toBeCloseTo(1, 6);
  });
});
