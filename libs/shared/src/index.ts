export { AppError, isAppError, APP_ERROR_CODES, HTTP_STATUS_BY_CODE, type AppErrorCode } from './app-error';
export { createLogger, type Logger, type LoggerOptions } from './logger';
export { createRedis, redisKey, type Redis } from './redis';
export { redisEnv, logEnv } from './env';
export { workerHeartbeatPattern, workerHeartbeatKey, WORKER_HEARTBEAT_TTL_SECONDS } from './heartbeat';
export { MAINTENANCE_QUEUE, PURGE_EXPIRED_AUTH_JOB, ZPurgeExpiredAuthPayload, type TPurgeExpiredAuthPayload } from './jobs';
export { CLOSE_DUE_ROUNDS_JOB, ZCloseDueRoundsPayload, type TCloseDueRoundsPayload } from './jobs';
export { PRUNE_ABANDONED_UPLOADS_JOB, ZPruneAbandonedUploadsPayload, type TPruneAbandonedUploadsPayload } from './jobs';
export { TWIN_QUEUE, TWIN_STEP_JOB, ZTwinStepPayload, type TTwinStepPayload } from './jobs';
export { SIMULATION_RUN_JOB_OPTIONS } from './jobs';
export {
  SIMULATION_QUEUE,
  SIMULATION_RUN_JOB,
  SIMULATION_EXPERIMENT_JOB,
  ZSimulationRunPayload,
  ZSimulationExperimentPayload,
  type TSimulationRunPayload,
  type TSimulationExperimentPayload,
} from './jobs';
export { findNulCharacter, NUL_CHARACTER_MESSAGE } from './text-input';
