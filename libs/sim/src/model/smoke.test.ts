import { describe, it, expect } from 'vitest';
import { runModel } from './run';

describe('smoke', () => {
  it('runs', () => {
    for (const variant of ['D2.2', 'final'] as const) {
      const rows: string[] = [];
      let t = 0;
      let steps = 0;
      for (let seed = 1; seed <= 10; seed++) {
        const t0 = performance.now();
        const out = runModel({ seed, variant }, { ticks: 400, record: 'final', metrics: ['count_1s', 'count_9s', 'count_90s', 'count_projects', 'count_tasks', 'count_products', 'total_1s_left', 'total_1_to_9', 'total_9_to_1', 'total_new_9s', 'total_9s_left', 'total_90_to_9', 'count_friend_links'] });
        t += performance.now() - t0;
        steps += out.ticks;
        const s = out.summary;
        rows.push(`${seed} ${s.stop_reason}@${s.stop_tick} 1s=${s.count_1s} 9s=${s.count_9s} 90s=${s.count_90s} proj=${s.count_projects} tasks=${s.count_tasks} prod=${s.count_products} 1left=${s.total_1s_left} 1to9=${s.total_1_to_9} 9to1=${s.total_9_to_1} new9=${s.total_new_9s} 9left=${s.total_9s_left} 90to9=${s.total_90_to_9} fl=${s.count_friend_links} err=${JSON.stringify(out.runtimeErrors)}`);
      }
      console.log(variant, (t / steps).toFixed(3), 'ms/step\n' + rows.join('\n'));
    }
    expect(1).toBe(1);
  });
});
