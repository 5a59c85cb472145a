export { USER_ROLES, ZUserRole, hasRole, parseUserRole, type TUserRole } from './accounts/user-role';
export { createUserRepository, type UserRepository, type UserSummary } from './accounts/user.repository';
export { createUserService, type UserService } from './accounts/user.service';
export { createApiTokenRepository, type ApiTokenSummary } from './accounts/api-token.repository';

// Collaboration: communities, projects, documents
export {
  communityPermissions,
  projectPermissions,
  type AccessActor,
  type CommunityPermissions,
  type ProjectPermissions,
  type TCommunityVisibility,
  type TMembershipRole,
  type TMembershipStatus,
  type TProjectAccess,
  type TShareMode,
} from './access/access.policy';
export { createAccessService, type AccessService } from './access/access.service';
export { createPlatformRepositories, createPlatformServices, type PlatformRepositories, type PlatformServices } from './platform-services';
export {
  ZCommunityVisibility,
  ZCreateCommunityInput,
  ZCreateInviteInput,
  ZImageUrl,
  ZMembershipRole,
  ZMembershipStatus,
  ZSlug,
  ZUpdateCommunityInput,
} from './communities/community.schemas';
export type { CommunityView, CommunityService } from './communities/community.service';
export { ZCreateProjectInput, ZShareMode, ZUpdateProjectInput } from './projects/project.schemas';
export type { ProjectView, ProjectService } from './projects/project.service';
export { ZCommentAnchor, ZCommentBody, ZDocumentTitle, ZFolderName } from './documents/document.schemas';
export { DOCUMENT_MENTION_KIND, SERVER_ORIGIN, type DocumentService, type DocumentView, type VersionView } from './documents/document.service';
export { createDocumentPersistence, type DocumentPersistence, type DocumentPersistenceOptions } from './documents/document-persistence';
export type { LiveDocuments } from './documents/live-documents';
export { collabDocumentName, parseCollabDocumentName } from './documents/collab-name';
export { DOCUMENT_FRAGMENT, documentText, documentTextFromState, fragmentToMarkdown, fragmentToPlainText } from './documents/yjs-text';
export { appendBlocks, buildDocumentState, replaceContent, type Block, type TextRun } from './documents/yjs-build';
export { diffLines, type DiffLine } from './documents/line-diff';
export { DOCUMENT_META_MAP, RESTORE_MARK_KEY, markRestore, readRestoreMark, type RestoreMark } from './documents/restore-mark';
export { mentionedUserIds, mentionsAddedBy } from './documents/yjs-mentions';
export { MAX_DOCUMENT_IMAGE_BYTES, sniffImageType, type ImageMediaType } from './documents/image-type';
export { DEFAULT_DOCUMENT_IMAGE_LIMITS, documentImagePath, type DocumentImageLimits, type DocumentImageService, type DocumentImageView } from './documents/document-image.service';
export { createContributionRepository, type ContributionRepository, type TContributionKind } from './contributions/contribution.repository';
// Chat
export {
  CHAT_BODY_MAX,
  ZChannelName,
  ZChatBody,
  ZClientId,
  ZAttachmentIds,
  ZCreateChannelInput,
  ZDirectCandidatesInput,
  ZEditMessageInput,
  ZEmoji,
  ZHistoryInput,
  ZLinkCardsInput,
  ZMarkReadInput,
  ZMessageRef,
  ZOpenDirectInput,
  ZReactInput,
  ZSearchChatInput,
  ZSendMessageInput,
} from './chat/chat.schemas';
export { CHAT_UPLOAD_LIMITS, chatAttachmentPath, type ChannelView, type ChatService, type MessageView } from './chat/chat.service';
export type { AttachmentRow as ChatAttachmentView, TChatChannelKind } from './chat/chat.repository';
export { cleanFileName, MAX_CHAT_ATTACHMENT_BYTES, MAX_CHAT_ATTACHMENTS_PER_MESSAGE, sniffChatFileType } from './chat/chat-file-type';
export { chatLinkRefs, type ChatLinkCard } from './chat/chat-link-cards';
export { ABANDONED_UPLOAD_AGE_MS, pruneAbandonedUploads, type PrunedUploads } from './uploads/prune-abandoned-uploads';
export { createNotificationRepository, survivesMute, type NewNotification, type NotificationRepository } from './notifications/notification.repository';
export { createNotificationService, type NotificationDigest, type NotificationService, type NotificationView } from './notifications/notification.service';
export { ZChannelId, ZListNotificationsInput, ZMarkNotificationsReadInput, ZNotificationSettingsInput, ZSetChannelMuteInput } from './notifications/notification.schemas';

// Simulation experiments (issue 8): designs, queueing, and the worker-side run executor
export { checkExperimentDesign, expandExperimentRuns, DEFAULT_EXPERIMENT_LIMITS, ZExperimentDesignInput, type CheckedDesign, type ExperimentLimits } from './experiments/experiment-design';
export { createExperimentRepository, type ExperimentRepository, type TExperimentStatus } from './experiments/experiment.repository';
export { createExperimentService, ZIdempotencyKey, type ExperimentActor, type ExperimentListItem, type ExperimentService, type ExperimentStatusView, type ResearcherAllowance } from './experiments/experiment.service';
export { DEFAULT_RESEARCHER_LIMITS, type ResearcherLimits } from './experiments/researcher-limits';
export { ZListExperimentsInput, presetOfDesign, type TListExperimentsInput } from './experiments/experiment-list';
export type { ExperimentQueuePort } from './experiments/experiment-queue.port';
export { executeExperimentRun, DEFAULT_CHECKPOINT_EVERY_MS, DEFAULT_PROGRESS_EVERY_MS, type ExecuteRunOutcome, type ExecuteRunOptions } from './experiments/execute-experiment-run';
export { createInProcessRunStepper, type RunStepHooks, type RunStepper, type RunStepResult } from './experiments/run-stepper';
export type { DriveEvent, DriveResult, DriveTask, StopRequest } from './experiments/run-driver';
export { packJson, unpackJson, type StoredSeries } from './experiments/run-series';
export { createExperimentResultsRepository, type ExperimentResultsRepository } from './experiments/experiment-results.repository';
export { createExperimentResultsService, ZRunListInput, type ExperimentOverview, type ExperimentResultsService, type ResultsExport, type RunView, type TRunListInput } from './experiments/experiment-results.service';
export { ZSensitivityInput, type SensitivityView, type TSensitivityInput } from './experiments/experiment-results.service';
export { ZCompareInput, type ComparisonView, type TCompareInput } from './experiments/experiment-results.service';
export type { MetricDifference } from './experiments/experiment-comparison';
export type { PrccCoefficient, SensitivityOutput } from './experiments/experiment-sensitivity';
export type { ExperimentArchivePort } from './experiments/experiment-results-archive.port';
export type { ConditionResult, MeanBand, MetricResult } from './experiments/experiment-results';

// Prioritisation: the pure funding arithmetic (quadratic matching, direct-funding rules, ranking)
export * from './funding';

// Community health (issue 9): the ledger-derived #1/#9/#90 series, inequality, survival and flow
export {
  computeCommunityHealth,
  createCommunityCaseRepository,
  createCommunityCaseService,
  createHealthRepository,
  createHealthService,
  DEFAULT_ROLE_RULES,
  generateSyntheticHistory,
  REFERENCE_SHARES,
  seedSyntheticHistory,
  weekKey,
  type CommunityHealth,
  type CommunityCaseService,
  type CommunityCaseView,
  type CommunityHealthView,
  type HealthLedger,
  type HealthService,
  type HealthWeek,
  type RoleRules,
  type SyntheticSeedReport,
} from './health';

// Simulation twin (issue 9): calibration of the model to a community by ABC-SMC on the workers, and the forecast
export {
  createTwinArchiveService,
  createTwinCalibrationRepository,
  createTwinCoordinator,
  createTwinService,
  DEFAULT_TWIN_PRIORS,
  TWIN_SCENARIOS,
  ZTwinSettingsInput,
  observedSeriesSha256,
  twinArchiveFiles,
  type TwinArchiveService,
  type TwinQueuePort,
  type TwinCoordinator,
  type TwinService,
  type TwinView,
  type TTwinSettingsInput,
} from './health/twin';
