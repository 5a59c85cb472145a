import type { FaultScenario } from '../scenario';
import { postgresOutage } from './postgres-outage.scenario';
import { redisOutage } from './redis-outage.scenario';
import { uploadDiskFull } from './upload-disk-full.scenario';
import { webRestart } from './web-restart.scenario';
import { workerKill } from './worker-kill.scenario';

/** Run in this order; each leaves the system healthy for the next. Add new scenarios here. */
export const SCENARIOS: FaultScenario[] = [redisOutage, postgresOutage, workerKill, webRestart, uploadDiskFull];
