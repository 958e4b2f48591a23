// The one seam between the window and the Rust side. Every Tauri command is called here and
// nowhere else; components ask `getBackend()` for a `Backend`, so tests hand them a fake with
// `setBackend()`. Rejections always arrive as an `ApiError`, whatever went wrong underneath. The
// native open and save dialogs sit here too, so a test can answer them without a window.
import { Channel, invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type {
  AboutInfo,
  Activity,
  ActivityId,
  ActivityInput,
  ApiError,
  AppStatus,
  AssessmentInput,
  AttentionOverview,
  AuditRow,
  BackupInfo,
  BackupSettings,
  BranchTrend,
  CaseVocabulary,
  ChangePassphraseInput,
  DatabaseAccess,
  DayHoursChange,
  DayHoursInput,
  DryRun,
  EndMatchInput,
  ErasureReport,
  ErrorCode,
  ExportPersonInput,
  ExportedPerson,
  Goal,
  GoalId,
  GoalInput,
  GuideInput,
  HourEntry,
  HourEntryId,
  HourEntryInput,
  ImportOutcome,
  ImportProgress,
  InterchangeOutcome,
  InvolvementId,
  InvolvementInput,
  JoinCodeMade,
  JoinProgress,
  JoinReport,
  Language,
  MakeRecoveryCodeInput,
  MappingInput,
  Match,
  MatchDetail,
  MatchId,
  MatchInput,
  MonthOverview,
  Municipality,
  MunicipalityId,
  NationalAccount,
  NationalReportRequest,
  NewDatabaseInput,
  Organisation,
  OrganisationId,
  OrganisationInput,
  Participant,
  ParticipantDetail,
  ParticipantId,
  ParticipantInput,
  ParticipantRow,
  PersonRef,
  PrivacySettings,
  ProfessionalKind,
  PublishReport,
  PublishingStatus,
  Programme,
  ProgrammeId,
  ProgrammeInput,
  RecoverInput,
  RecoveryCodeMade,
  ReferralId,
  ReferralInput,
  ReportFormat,
  ReportInput,
  ReportPreview,
  ReportSaved,
  ReportSettings,
  ReportSettingsInput,
  RestoreFileInput,
  RestoreInput,
  RetentionInput,
  RetentionRow,
  RuleGuide,
  SetupChoice,
  SharingStatus,
  SheetPreview,
  SignalActionInput,
  SignalDetail,
  SignalId,
  SignalView,
  Story,
  StoryId,
  StoryInput,
  Subsidy,
  SubsidyId,
  SubsidyInput,
  SupportInput,
  SupportSettings,
  SupportSettingsInput,
  SyncReport,
  ThresholdInput,
  ThresholdView,
  TwoVersionsItem,
  Volunteer,
  VolunteerChoice,
  VolunteerDetail,
  VolunteerFilter,
  VolunteerId,
  VolunteerInput,
  VolunteerLoad,
  VolunteerRoom,
  VolunteerRow,
  VolunteerSupport,
  WeekGrid,
} from './bindings';

/** One method per Tauri command; arguments and results as in `bindings.ts`. */
export interface Backend {
  /** Where the database stands: new, locked, open, damaged or unavailable. Asked first, at start. */
  databaseAccess(): Promise<DatabaseAccess>;
  /** First start: a new database with a passphrase (typed twice), or explicitly without (`null`s). */
  createDatabase(input: NewDatabaseInput): Promise<DatabaseAccess>;
  /** Opens the encrypted database; a wrong passphrase is refused and changes nothing. */
  unlock(passphrase: string): Promise<DatabaseAccess>;
  /** Closes the encrypted database and forgets its key; a plain database stays open. */
  lock(): Promise<DatabaseAccess>;
  /** Changes the passphrase, or sets a first one (`current` empty) on a plain database. */
  changePassphrase(input: ChangePassphraseInput): Promise<null>;
  /** A new recovery code (after the current passphrase), shown once; an earlier code stops working. */
  makeRecoveryCode(input: MakeRecoveryCodeInput): Promise<RecoveryCodeMade>;
  /** A forgotten passphrase: the recovery code opens the locked database, which gets the new passphrase. */
  recover(input: RecoverInput): Promise<DatabaseAccess>;
  /** A backup file chosen with the system's dialog (a USB stick, a new laptop) in place of the database. */
  restoreBackupFile(input: RestoreFileInput): Promise<DatabaseAccess>;
  /** The backups, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** A checked backup now. */
  makeBackup(): Promise<BackupInfo>;
  /** Puts a backup back after saving the current database as a backup of its own. */
  restoreBackup(input: RestoreInput): Promise<DatabaseAccess>;
  appStatus(): Promise<AppStatus>;
  setUp(choice: SetupChoice): Promise<AppStatus>;
  setLanguage(language: Language): Promise<AppStatus>;
  listProgrammes(): Promise<Programme[]>;
  createProgramme(input: ProgrammeInput): Promise<Programme>;
  updateProgramme(id: ProgrammeId, input: ProgrammeInput): Promise<Programme>;
  /** A programme's goals in its order, the retired ones too (`active` false: no longer offered for new matches). */
  goals(programmeId: ProgrammeId): Promise<Goal[]>;
  /**
   * Adds a goal to a programme (`id` null), or renames or retires one; answers with the
   * programme's goals. A name the programme has already is refused (field `name`).
   */
  saveGoal(programmeId: ProgrammeId, id: GoalId | null, input: GoalInput): Promise<Goal[]>;
  listVolunteers(filter: VolunteerFilter): Promise<VolunteerRow[]>;
  getVolunteer(id: VolunteerId): Promise<VolunteerDetail>;
  createVolunteer(input: VolunteerInput): Promise<Volunteer>;
  updateVolunteer(id: VolunteerId, input: VolunteerInput): Promise<Volunteer>;
  volunteerChoices(): Promise<VolunteerChoice[]>;
  logHours(input: HourEntryInput): Promise<HourEntry>;
  deleteHourEntry(id: HourEntryId): Promise<null>;
  /** The Monday-to-Sunday week holding `day` (ISO date). */
  weekGrid(day: string): Promise<WeekGrid>;
  /** A week-grid cell: the day's new total (higher adds the difference; lower lists the day's entries). */
  setDayHours(input: DayHoursInput): Promise<DayHoursChange>;
  /** The month holding that ISO date; `null` means this month. */
  monthOverview(day: string | null): Promise<MonthOverview>;
  /** Participants whose code or first name holds `search` (empty: all). */
  listParticipants(search: string): Promise<ParticipantRow[]>;
  getParticipant(id: ParticipantId): Promise<ParticipantDetail>;
  createParticipant(input: ParticipantInput): Promise<Participant>;
  updateParticipant(id: ParticipantId, input: ParticipantInput): Promise<Participant>;
  /** A new match with the goals it works towards; a goal not of its programme is refused (field `goals`). */
  createMatch(input: MatchInput): Promise<Match>;
  /** Who in a programme has room for one more match, the most room first, each with why. */
  matchRoom(programmeId: ProgrammeId): Promise<VolunteerRoom[]>;
  /** Every signal rule's conversation guide: the default or the branch's own wording. */
  signalGuides(): Promise<RuleGuide[]>;
  setSignalGuide(input: GuideInput): Promise<RuleGuide[]>;
  /** The sociale kaart, by name. */
  organisations(): Promise<Organisation[]>;
  /** Adds (`id` null) or changes an organisation; answers with the whole map. */
  saveOrganisation(id: OrganisationId | null, input: OrganisationInput): Promise<Organisation[]>;
  removeOrganisation(id: OrganisationId): Promise<Organisation[]>;
  /** The branch's municipalities by name, each with how many participants live there and how many subsidies are for it. */
  municipalities(): Promise<Municipality[]>;
  /** Adds (`id` null) or renames a municipality; answers with the whole list. A name in use is refused (field `name`). */
  saveMunicipality(id: MunicipalityId | null, name: string): Promise<Municipality[]>;
  /** Refused (field `municipality`) while participants live there or subsidies are for it. */
  removeMunicipality(id: MunicipalityId): Promise<Municipality[]>;
  /** The subsidies, the latest period first. */
  subsidies(): Promise<Subsidy[]>;
  /** Adds (`id` null) or changes a subsidy, dates and amount as typed; answers with the whole list. */
  saveSubsidy(id: SubsidyId | null, input: SubsidyInput): Promise<Subsidy[]>;
  removeSubsidy(id: SubsidyId): Promise<Subsidy[]>;
  /** The anonymised stories for reports, the latest period first, each with what in it still points at a person. */
  stories(): Promise<Story[]>;
  /**
   * Adds (`id` null) or changes a story, dates as typed; answers with all stories. Refused at
   * `name` (the title), `note` (the text), `from` and `to`, several at once in `also`.
   */
  saveStory(id: StoryId | null, input: StoryInput): Promise<Story[]>;
  /** Chooses a story for reports or takes it out; choosing is refused, each finding named, while it points at a person. */
  chooseStory(id: StoryId, inReport: boolean): Promise<Story[]>;
  removeStory(id: StoryId): Promise<Story[]>;
  /** The organisations that fit a referral of `kind` from this match. */
  organisationsFor(matchId: MatchId, kind: ProfessionalKind): Promise<Organisation[]>;
  getMatch(id: MatchId): Promise<MatchDetail>;
  /** Ends a match with a result for each of its goals; a goal left without one is refused (field `goals`). */
  endMatch(id: MatchId, input: EndMatchInput): Promise<MatchDetail>;
  /** A new dated assessment; earlier ones stay as history. */
  assessCase(matchId: MatchId, input: AssessmentInput): Promise<MatchDetail>;
  addProfessional(matchId: MatchId, input: InvolvementInput): Promise<MatchDetail>;
  updateProfessional(id: InvolvementId, input: InvolvementInput): Promise<MatchDetail>;
  logReferral(matchId: MatchId, input: ReferralInput): Promise<MatchDetail>;
  updateReferral(id: ReferralId, input: ReferralInput): Promise<MatchDetail>;
  /** The catalogue of one programme, or of all (`null`); inactive activities included. */
  listActivities(programmeId: ProgrammeId | null): Promise<Activity[]>;
  createActivity(input: ActivityInput): Promise<Activity>;
  updateActivity(id: ActivityId, input: ActivityInput): Promise<Activity>;
  /** The volunteer's active matches, for the hour forms. */
  volunteerMatches(volunteerId: VolunteerId): Promise<Match[]>;
  caseVocabulary(): Promise<CaseVocabulary>;
  /** Volunteers with live signals, most severe first (snoozed ones wait); re-evaluates everyone once a day. */
  /** The attention list, grouped by what to do. */
  attentionList(): Promise<AttentionOverview>;
  /** One signal with its evidence, the last weeks' hours and its history. */
  getSignal(id: SignalId): Promise<SignalDetail>;
  /** Acknowledge, resolve, snooze or reopen; answers the signal as it is afterwards. */
  actOnSignal(id: SignalId, input: SignalActionInput): Promise<SignalDetail>;
  /** All of a volunteer's signals, newest first. */
  volunteerSignals(volunteerId: VolunteerId): Promise<SignalView[]>;
  /** VOG, trainings, intervision, check-ins and allowances of one volunteer. */
  volunteerSupport(id: VolunteerId): Promise<VolunteerSupport>;
  /** One change to a volunteer's support; re-evaluates their signals and answers the section anew. */
  recordSupport(id: VolunteerId, input: SupportInput): Promise<VolunteerSupport>;
  /** The signal thresholds of one programme, with their defaults and sources. */
  listThresholds(programmeId: ProgrammeId): Promise<ThresholdView[]>;
  /** Changes one threshold (empty value: back to the default); re-evaluates everyone. */
  setThreshold(input: ThresholdInput): Promise<ThresholdView[]>;
  /** The training a programme requires (empty: none); re-evaluates everyone. */
  setRequiredTraining(id: ProgrammeId, training: string): Promise<null>;
  /** The branch's VOG policy and allowance caps. */
  supportSettings(): Promise<SupportSettings>;
  setSupportSettings(input: SupportSettingsInput): Promise<SupportSettings>;
  /** A volunteer's work hours and caseload weight per week: 52 full weeks and this one, oldest first. */
  volunteerLoad(id: VolunteerId): Promise<VolunteerLoad>;
  /** The branch per year with hours, oldest first; the last may be this year, still running. */
  branchTrend(): Promise<BranchTrend>;
  /** The native folder dialog; `null` when the coordinator cancelled it. */
  chooseFolder(): Promise<string | null>;
  /** The native save dialog for a JSON file, suggesting `defaultName`; `null` when cancelled. */
  chooseSaveFile(defaultName: string): Promise<string | null>;
  /** Everything about one person into a JSON file at `path`, with a readable HTML copy beside it. */
  exportPerson(input: ExportPersonInput): Promise<ExportedPerson>;
  /** Removes a person's name, contact, notes and free text for good; counts stay, anonymous. */
  erasePerson(person: PersonRef): Promise<ErasureReport>;
  /** Participants kept longer than their programme's retention period allows. */
  retentionReview(): Promise<RetentionRow[]>;
  /** Anonymises these participants; answers how many were. */
  anonymiseParticipants(ids: ParticipantId[]): Promise<number>;
  /** The coordinator's name on this laptop and the retention period per programme. */
  privacySettings(): Promise<PrivacySettings>;
  setCoordinatorName(name: string): Promise<PrivacySettings>;
  setRetention(input: RetentionInput): Promise<PrivacySettings>;
  /** The latest `limit` changes, newest first. */
  auditLog(limit: number): Promise<AuditRow[]>;
  /** The second place backups are copied to, and why the last copy failed, if it did. */
  backupSettings(): Promise<BackupSettings>;
  /** A folder for the second copy of every backup; `null` switches it off. */
  setBackupLocation(path: string | null): Promise<BackupSettings>;
  /** "Over Draagkracht": the version, the day of the build, where the data and backups are, the licence. */
  about(): Promise<AboutInfo>;
  /** Opens one of Draagkracht's own folders (the database's, the backups') in the system's file manager. */
  openFolder(path: string): Promise<null>;
  /** The native open dialog for one file of these kinds; `null` when cancelled. */
  chooseOpenFile(filters: FileFilter[]): Promise<string | null>;
  /** A spreadsheet's columns with samples and guesses; `sheet` `null` reads the first sheet. */
  readSheet(path: string, sheet: string | null): Promise<SheetPreview>;
  /** What importing the sheet with this mapping would do, changing nothing. */
  dryRunImport(input: MappingInput): Promise<DryRun>;
  /**
   * Imports the sheet, all or nothing (refused while the dry run has problems or missing fields);
   * `onProgress` hears how far it is while it runs.
   */
  runImport(input: MappingInput, onProgress: (progress: ImportProgress) => void): Promise<ImportOutcome>;
  /** Every record into one JSON interchange file at `path`. */
  exportAllData(path: string): Promise<InterchangeOutcome>;
  /** Reads an interchange file, only into a database that holds no data yet. */
  importAllData(path: string): Promise<InterchangeOutcome>;
  /** The branch's name on a report's cover and the value of an hour of volunteer work. */
  reportSettings(): Promise<ReportSettings>;
  /** Saves them; the hour rate as typed (`14,06`). */
  setReportSettings(input: ReportSettingsInput): Promise<ReportSettings>;
  /** The report's figures as the file will show them, writing nothing. */
  previewReport(input: ReportInput): Promise<ReportPreview>;
  /** Writes the report as `format` to `path`. */
  exportReport(input: ReportInput, format: ReportFormat, path: string): Promise<ReportSaved>;
  /** The native save dialog for a report in `format`, suggesting `defaultName`; `null` when cancelled. */
  chooseReportFile(defaultName: string, format: ReportFormat): Promise<string | null>;
  /**
   * The Landelijk overzicht, with no branch database needed: who the server address (with its login
   * and password) logs in as — a branch, a region or the national office — with the branches it
   * may read and their regions. A refused address or login is refused at `server`.
   */
  nationalConnect(server: string): Promise<NationalAccount>;
  /** The national report's figures as the file will show them, from what the branches published. */
  nationalPreview(request: NationalReportRequest): Promise<ReportPreview>;
  /** Writes the national report as `format` to `path`. */
  nationalExport(request: NationalReportRequest, format: ReportFormat, path: string): Promise<ReportSaved>;
  /** The branch's publishing: the complete months it can publish, the months published, the remembered address. */
  publishingStatus(): Promise<PublishingStatus>;
  /** Publishes every complete month with records with the branch's account at `server`, and remembers the address. */
  publishToServer(server: string): Promise<PublishReport>;
  /** Writes every complete month with records as a signed file at `path`, for the branch the national office knows as `branch`. */
  publishToFile(path: string, branch: string): Promise<PublishReport>;
  /** Whether this laptop shares its branch, where, with which laptops, and how the last sync went. */
  sharingStatus(): Promise<SharingStatus>;
  /**
   * Starts sharing this laptop's branch at `path` (the first laptop), or moves the sharing to
   * another folder; `deviceName` is how the colleagues will know this laptop. A `path` starting
   * with `postgres://` or `postgresql://` is the organisation's server, anything else a folder.
   */
  shareInFolder(path: string, deviceName: string): Promise<SharingStatus>;
  /** A one-time code, valid for 24 hours, for another laptop to join this branch with. */
  inviteLaptop(): Promise<JoinCodeMade>;
  /**
   * First start: this (new, empty) database joins the branch whose invitation at `path` (a folder,
   * or the server's `postgres://` address) the `code` opens; `onProgress` hears how far it is.
   */
  joinBranch(path: string, code: string, deviceName: string, onProgress: (progress: JoinProgress) => void): Promise<JoinReport>;
  /** Sends what waits here and takes in what the other laptops wrote, now. */
  syncNow(): Promise<SyncReport>;
  /**
   * Removes another laptop from the branch (lost, stolen, its user gone): it can read nothing
   * written from now on, and its changes from now on are not taken in. Answers the names of the
   * laptops that never synchronised and have to be invited again (usually none).
   */
  removeLaptop(deviceId: string): Promise<string[]>;
  /** The open "Twee versies": a field two laptops changed while apart, newest first. */
  listTwoVersions(): Promise<TwoVersionsItem[]>;
  /** Closes one; with `putBack` the other value becomes the field's value again (a new change). */
  settleTwoVersions(id: number, putBack: boolean): Promise<null>;
}

/** A kind of file the open dialog offers: `{ name: 'Spreadsheets', extensions: ['xlsx', 'csv'] }`. */
export type FileFilter = { name: string; extensions: string[] };

/** What the save dialog offers for each kind of report file. */
export const REPORT_FILTERS: Record<ReportFormat, FileFilter> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  xlsx: { name: 'Excel (.xlsx)', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  csv_rfc: { name: 'CSV', extensions: ['csv'] },
};

/** Every `ErrorCode`; the type makes sure a code added on the Rust side is added here too. */
const ERROR_CODES = new Set<string>(
  Object.keys({
    invalid_input: true,
    duplicate_entry: true,
    long_day: true,
    not_found: true,
    database_too_new: true,
    storage: true,
    wrong_passphrase: true,
    locked: true,
    damaged: true,
    unreachable: true,
  } satisfies Record<ErrorCode, true>),
);

/** True for a value shaped like the Rust side's `ApiError`. */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    ERROR_CODES.has((value as { code: string }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/**
 * Turns anything a command rejected with into an `ApiError`. The Rust side always sends one; this
 * covers the rest (the window opened outside Tauri, a command missing from the shell).
 */
export function toApiError(reason: unknown): ApiError {
  if (isApiError(reason)) {
    return {
      code: reason.code,
      message: reason.message,
      messageEn: reason.messageEn ?? reason.message,
      field: reason.field ?? null,
      reason: reason.reason ?? null,
      ...(reason.also?.length ? { also: reason.also } : {}),
    };
  }
  const detail = reason instanceof Error ? reason.message : String(reason);
  return {
    code: 'storage',
    message: `Er ging iets mis in Draagkracht: ${detail}. Er is niets veranderd.`,
    messageEn: `Something went wrong in Draagkracht: ${detail}. Nothing was changed.`,
    field: null,
    reason: null,
  };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toApiError(reason);
  }
}

/** A native dialog: the path chosen, or `null` when it was cancelled. */
async function dialog(show: () => Promise<string | string[] | null>): Promise<string | null> {
  try {
    const chosen = await show();
    return Array.isArray(chosen) ? (chosen[0] ?? null) : chosen;
  } catch (reason) {
    throw toApiError(reason);
  }
}

/** The real backend: Tauri commands over IPC. Argument keys are camelCase, as Tauri expects. */
export const tauriBackend: Backend = {
  databaseAccess: () => call('database_access'),
  createDatabase: (input) => call('create_database', { input }),
  unlock: (passphrase) => call('unlock', { passphrase }),
  lock: () => call('lock'),
  changePassphrase: (input) => call('change_passphrase', { input }),
  makeRecoveryCode: (input) => call('make_recovery_code', { input }),
  recover: (input) => call('recover', { input }),
  restoreBackupFile: (input) => call('restore_backup_file', { input }),
  listBackups: () => call('list_backups'),
  makeBackup: () => call('make_backup'),
  restoreBackup: (input) => call('restore_backup', { input }),
  appStatus: () => call('app_status'),
  setUp: (choice) => call('set_up', { choice }),
  setLanguage: (language) => call('set_language', { language }),
  listProgrammes: () => call('list_programmes'),
  createProgramme: (input) => call('create_programme', { input }),
  updateProgramme: (id, input) => call('update_programme', { id, input }),
  goals: (programmeId) => call('goals', { programmeId }),
  saveGoal: (programmeId, id, input) => call('save_goal', { programmeId, id, input }),
  listVolunteers: (filter) => call('list_volunteers', { filter }),
  getVolunteer: (id) => call('get_volunteer', { id }),
  createVolunteer: (input) => call('create_volunteer', { input }),
  updateVolunteer: (id, input) => call('update_volunteer', { id, input }),
  volunteerChoices: () => call('volunteer_choices'),
  logHours: (input) => call('log_hours', { input }),
  deleteHourEntry: (id) => call('delete_hour_entry', { id }),
  weekGrid: (day) => call('week_grid', { day }),
  setDayHours: (input) => call('set_day_hours', { input }),
  monthOverview: (day) => call('month_overview', { day }),
  listParticipants: (search) => call('list_participants', { search }),
  getParticipant: (id) => call('get_participant', { id }),
  createParticipant: (input) => call('create_participant', { input }),
  updateParticipant: (id, input) => call('update_participant', { id, input }),
  createMatch: (input) => call('create_match', { input }),
  matchRoom: (programmeId) => call('match_room', { programmeId }),
  signalGuides: () => call('signal_guides'),
  setSignalGuide: (input) => call('set_signal_guide', { input }),
  organisations: () => call('organisations'),
  saveOrganisation: (id, input) => call('save_organisation', { id, input }),
  removeOrganisation: (id) => call('remove_organisation', { id }),
  municipalities: () => call('municipalities'),
  saveMunicipality: (id, name) => call('save_municipality', { id, name }),
  removeMunicipality: (id) => call('remove_municipality', { id }),
  subsidies: () => call('subsidies'),
  saveSubsidy: (id, input) => call('save_subsidy', { id, input }),
  removeSubsidy: (id) => call('remove_subsidy', { id }),
  stories: () => call('stories'),
  saveStory: (id, input) => call('save_story', { id, input }),
  chooseStory: (id, inReport) => call('choose_story', { id, inReport }),
  removeStory: (id) => call('remove_story', { id }),
  organisationsFor: (matchId, kind) => call('organisations_for', { matchId, kind }),
  getMatch: (id) => call('get_match', { id }),
  endMatch: (id, input) => call('end_match', { id, input }),
  assessCase: (matchId, input) => call('assess_case', { matchId, input }),
  addProfessional: (matchId, input) => call('add_professional', { matchId, input }),
  updateProfessional: (id, input) => call('update_professional', { id, input }),
  logReferral: (matchId, input) => call('log_referral', { matchId, input }),
  updateReferral: (id, input) => call('update_referral', { id, input }),
  listActivities: (programmeId) => call('list_activities', { programmeId }),
  createActivity: (input) => call('create_activity', { input }),
  updateActivity: (id, input) => call('update_activity', { id, input }),
  volunteerMatches: (volunteerId) => call('volunteer_matches', { volunteerId }),
  caseVocabulary: () => call('case_vocabulary'),
  attentionList: () => call('attention_list'),
  getSignal: (id) => call('get_signal', { id }),
  actOnSignal: (id, input) => call('act_on_signal', { id, input }),
  volunteerSignals: (volunteerId) => call('volunteer_signals', { volunteerId }),
  volunteerSupport: (id) => call('volunteer_support', { id }),
  recordSupport: (id, input) => call('record_support', { id, input }),
  listThresholds: (programmeId) => call('list_thresholds', { programmeId }),
  setThreshold: (input) => call('set_threshold', { input }),
  setRequiredTraining: (id, training) => call('set_required_training', { id, training }),
  supportSettings: () => call('support_settings'),
  setSupportSettings: (input) => call('set_support_settings', { input }),
  volunteerLoad: (id) => call('volunteer_load', { id }),
  branchTrend: () => call('branch_trend'),
  chooseFolder: () => dialog(() => open({ directory: true, multiple: false })),
  chooseSaveFile: (defaultName) => dialog(() => save({ defaultPath: defaultName, filters: [{ name: 'JSON', extensions: ['json'] }] })),
  exportPerson: (input) => call('export_person', { input }),
  erasePerson: (person) => call('erase_person', { person }),
  retentionReview: () => call('retention_review'),
  anonymiseParticipants: (ids) => call('anonymise_participants', { ids }),
  privacySettings: () => call('privacy_settings'),
  setCoordinatorName: (name) => call('set_coordinator_name', { name }),
  setRetention: (input) => call('set_retention', { input }),
  auditLog: (limit) => call('audit_log', { limit }),
  backupSettings: () => call('backup_settings'),
  setBackupLocation: (path) => call('set_backup_location', { path }),
  about: () => call('about'),
  openFolder: (path) => call('open_folder', { path }),
  chooseOpenFile: (filters) => dialog(() => open({ multiple: false, directory: false, filters })),
  readSheet: (path, sheet) => call('read_sheet', { path, sheet }),
  dryRunImport: (input) => call('dry_run_import', { input }),
  runImport: (input, onProgress) => {
    const progress = new Channel<ImportProgress>();
    progress.onmessage = onProgress;
    return call('run_import', { input, progress });
  },
  exportAllData: (path) => call('export_all_data', { path }),
  importAllData: (path) => call('import_all_data', { path }),
  reportSettings: () => call('report_settings'),
  setReportSettings: (input) => call('set_report_settings', { input }),
  previewReport: (input) => call('preview_report', { input }),
  exportReport: (input, format, path) => call('export_report', { input, format, path }),
  chooseReportFile: (defaultName, format) => dialog(() => save({ defaultPath: defaultName, filters: [REPORT_FILTERS[format]] })),
  nationalConnect: (server) => call('national_connect', { server }),
  nationalPreview: (request) => call('national_preview', { request }),
  nationalExport: (request, format, path) => call('national_export', { request, format, path }),
  publishingStatus: () => call('publishing_status'),
  publishToServer: (server) => call('publish_to_server', { server }),
  publishToFile: (path, branch) => call('publish_to_file', { path, branch }),
  sharingStatus: () => call('sharing_status'),
  shareInFolder: (path, deviceName) => call('share_in_folder', { path, deviceName }),
  inviteLaptop: () => call('invite_laptop'),
  joinBranch: (path, code, deviceName, onProgress) => {
    const progress = new Channel<JoinProgress>();
    progress.onmessage = onProgress;
    return call('join_branch', { path, code, deviceName, progress });
  },
  syncNow: () => call('sync_now'),
  removeLaptop: (device) => call('remove_laptop', { device }),
  listTwoVersions: () => call('two_versions'),
  settleTwoVersions: (id, putBack) => call('settle_two_versions', { id, putBack }),
};

let current: Backend = tauriBackend;

/** The backend every component talks to. */
export function getBackend(): Backend {
  return current;
}

/** Replaces the backend; tests pass a fake here before rendering. */
export function setBackend(backend: Backend): void {
  current = backend;
}
