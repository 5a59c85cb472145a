export { twinInitialState, twinObservedSeries, countsAtStart, TWIN_SERIES, type TwinCounts, type TwinInitialState, type TwinMappingNote, type TwinObservedSeries } from './twin-initial-state';
export { TWIN_SCENARIOS, TWIN_CALIBRATION_SCENARIO, TWIN_VARIANT, type TwinScenario } from './twin-scenarios';
export { ALIVE_AT_WEEKS, collapseWeek, summariseScenario, type ForecastRun, type ScenarioForecast } from './twin-forecast';
export { DEFAULT_TWIN_PRIORS, ZTwinSettingsInput, resolveTwinSettings, abcSettingsOf, type TTwinSettingsInput, type TwinSettings } from './twin-settings';
export { createTwinCalibrationRepository, type TwinCalibrationRepository, type TTwinStatus } from './twin-calibration.repository';
export { createTwinService, type TwinService, type TwinView, type TwinPosterior, type TwinForecast, type TwinSetup } from './twin-calibration.service';
export { createTwinCoordinator, type TwinCoordinator, type TwinStepResult } from './twin-coordinator';
export type { TwinQueuePort } from './twin-queue.port';
