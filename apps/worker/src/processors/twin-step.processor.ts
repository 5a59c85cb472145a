import { UnrecoverableError, type Job } from 'bullmq';
import type { TwinCoordinator } from '@p2pvalue/platform';
import { isAppError, ZTwinStepPayload } from '@p2pvalue/shared';

/**
 * Consumer of the twin queue: one step of a calibration. "The batch is still running"
 * (UNAVAILABLE) is retried with backoff; a step that cannot succeed, or fails on its last attempt,
 * marks the calibration failed so the page stops waiting.
 */
export function createTwinStepProcessor(deps: { coordinator: TwinCoordinator }) {
  return async (job: Job): Promise<unknown> => {
    const payload = ZTwinStepPayload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid twin step payload: ${payload.error.message}`);
    try {
      return await deps.coordinator.step(payload.data.calibrationId);
    } catch (error) {
      const retryable = !isAppError(error) || error.code === 'UNAVAILABLE' || error.code === 'INTERNAL';
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (retryable && !lastAttempt) throw error;
      const message = isAppError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
      await deps.coordinator.fail(payload.data.calibrationId, message);
      throw new UnrecoverableError(message);
    }
  };
}
