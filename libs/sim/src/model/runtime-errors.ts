/**
 * §9.3: situations in which NetLogo would halt with a runtime error. In
 * "guard" mode the event is counted and the caller applies the documented
 * guard; in "abort" mode the run ends with stop reason `error:<code>`.
 */
import type { SimState } from './types';

/** Runtime-error codes of MODEL.md §9.3. */
export type NetLogoErrorCode = 'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6' | 'E7' | 'E8';

/** Thrown (abort mode only) to unwind the current step. */
export class NetLogoHalt extends Error {
  readonly code: NetLogoErrorCode;
  constructor(code: NetLogoErrorCode) {
    super(`NetLogo runtime error ${code}`);
    this.name = 'NetLogoHalt';
    this.code = code;
  }
}

/**
 * Records a runtime-error situation. Returns normally in guard mode (the
 * caller then applies the guard); throws NetLogoHalt in abort mode.
 */
export function netlogoError(st: SimState, code: NetLogoErrorCode): void {
  st.runtimeErrors[code] = (st.runtimeErrors[code] ?? 0) + 1;
  if (st.cfg.onNetLogoRuntimeError === 'abort') throw new NetLogoHalt(code);
}
