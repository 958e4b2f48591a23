// Generated from the Rust wire types (src-tauri/crates/api/src/wire.rs) by ts-rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p draagkracht-api bindings` after changing them.

export type ApiError = { code: ErrorCode, 
/**
 * Dutch, for the coordinator.
 */
message: string, messageEn: string, field: Field | null, reason: RefusalCode | null, 
/**
 * The form's other refused fields, when several were refused at once: the window shows them
 * all, each at its field, and focuses the first (`field`).
 */
also?: Array<FieldRefusal>, };

export type ErrorCode = "invalid_input" | "duplicate_entry" | "long_day" | "not_found" | "database_too_new" | "storage" | "wrong_passphrase" | "locked" | "damaged" | "unreachable";

export type FieldRefusal = { field: Field, reason: RefusalCode, message: string, messageEn: string, };

export type Field = "name" | "email" | "phone" | "status" | "startDate" | "agreedHours" | "programmes" | "volunteer" | "date" | "duration" | "programme" | "kind" | "note" | "description" | "maxMonths" | "zrmScoredBy" | "zrmScoredOn" | "zrmScores" | "label" | "contact" | "consentDate" | "participant" | "volunteers" | "expectedEndDate" | "endDate" | "endReason" | "match" | "activity" | "level" | "professionalKind" | "organisation" | "fromDate" | "toDate" | "reason" | "outcome" | "resolution" | "value" | "answers" | "month" | "amount" | "vogDate" | "requiredTraining" | "vogYears" | "plausibleDayHours" | "perHour21Plus" | "perHourUnder21" | "perMonth" | "perYear" | "passphrase" | "repeat" | "currentPassphrase" | "recoveryCode" | "backup" | "consentBy" | "consentScope" | "retentionYears" | "coordinatorName" | "path" | "from" | "to" | "branchName" | "hourRate" | "hourRateSource" | "why" | "questions" | "whenProfessional" | "domains" | "openingHours" | "funder" | "municipality" | "goals" | "server";

export type RefusalCode = "required" | "too_long" | "invalid_format" | "not_positive" | "too_large" | "in_future" | "too_old" | "unknown" | "not_allowed" | "too_short" | "mismatch";

export type VolunteerId = string;

export type ProgrammeId = string;

export type HourEntryId = string;

export type VolunteerStatus = "registered" | "intake" | "active" | "resting" | "stopped";

export type HourKind = "support" | "meeting" | "training" | "travel";

export type Language = "nl" | "en";

export type SetupChoice = "demo" | "empty";

export type AppStatus = { 
/**
 * False until the coordinator chose "demo" or "empty" on first start.
 */
setUp: boolean, 
/**
 * True when the database holds the fictional demo branch.
 */
demo: boolean, language: Language, databasePath: string, today: string, };

export type Programme = { id: ProgrammeId, name: string, description: string | null, maxMonths: number | null, active: boolean, 
/**
 * The training volunteers in this programme must have done (see `set_required_training`).
 */
requiredTraining: string | null, };

export type ProgrammeInput = { name: string, description: string, 
/**
 * Months as typed (`12`); empty means open-ended.
 */
maxMonths: string, active: boolean, };

export type Volunteer = { id: VolunteerId, name: string, email: string | null, phone: string | null, status: VolunteerStatus, startDate: string, agreedMinutesPerWeek: number, programmeIds: Array<ProgrammeId>, 
/**
 * The day their status became "gestopt".
 */
stoppedOn: string | null, };

export type VolunteerInput = { name: string, email: string, phone: string, 
/**
 * One of the `VolunteerStatus` values.
 */
status: string, 
/**
 * `2025-12-31` or `31-12-2025`.
 */
startDate: string, 
/**
 * Hours as typed: `4`, `2,5`; empty means none agreed.
 */
agreedHoursPerWeek: string, programmeIds: Array<ProgrammeId>, };

export type VolunteerFilter = { 
/**
 * Matched against name, e-mail and phone, case-insensitively.
 */
search: string, status: VolunteerStatus | null, };

export type VolunteerRow = { id: VolunteerId, name: string, status: VolunteerStatus, programmeNames: Array<string>, minutesLastFourWeeks: number, lastEntryDate: string | null, };

export type VolunteerDetail = { volunteer: Volunteer, programmeNames: Array<string>, totals: HourTotals, 
/**
 * The 20 most recent entries, newest first.
 */
recentEntries: Array<HourEntry>, 
/**
 * Statuses the edit form may offer (the current one first).
 */
allowedStatuses: Array<VolunteerStatus>, 
/**
 * Their matches, active first, then the most recently started.
 */
matches: Array<Match>, };

export type VolunteerChoice = { id: VolunteerId, name: string, status: VolunteerStatus, 
/**
 * The programme to preselect: the active one of their latest entry, else their first active one.
 */
defaultProgrammeId: ProgrammeId | null, };

export type HourTotals = { lastFourWeeks: number, thisMonth: number, thisYear: number, trainingThisYear: number, };

export type HourEntry = { id: HourEntryId, volunteerId: VolunteerId, volunteerName: string, date: string, minutes: number, programmeId: ProgrammeId, programmeName: string, kind: HourKind, note: string | null, matchId: MatchId | null, activityId: ActivityId | null, activityName: string | null, 
/**
 * When `professional`, this was not a volunteer task: the window says so and offers a referral.
 */
activityLevel: ActivityLevel | null, };

export type HourEntryInput = { volunteerId: VolunteerId | null, 
/**
 * `2025-12-31` or `31-12-2025`.
 */
date: string, 
/**
 * As typed: `1,5`, `1:30`, `90m`.
 */
duration: string, programmeId: ProgrammeId | null, 
/**
 * One of the `HourKind` values.
 */
kind: string, note: string, 
/**
 * The match the hours were for, if any (one of the volunteer's matches).
 */
matchId: MatchId | null, 
/**
 * The activity from the programme's catalogue, if any.
 */
activityId: ActivityId | null, 
/**
 * Set after the coordinator confirmed that an identical entry on that day is meant.
 */
confirmDuplicate: boolean, 
/**
 * Set after the coordinator confirmed that a day of more hours than is plausible is meant.
 */
confirmLongDay?: boolean, };

export type WeekGrid = { weekStart: string, weekNumber: number, 
/**
 * Monday to Sunday.
 */
days: Array<string>, 
/**
 * Volunteers who can log hours, the most recently used first.
 */
rows: Array<WeekRow>, };

export type WeekRow = { volunteerId: VolunteerId, name: string, defaultProgrammeId: ProgrammeId | null, 
/**
 * Minutes already logged per day, Monday first (training included).
 */
minutes: Array<number>, };

export type DayHoursInput = { volunteerId: VolunteerId, date: string, total: string, 
/**
 * For the entry that makes up a higher total; `null` is the volunteer's default programme.
 */
programmeId: ProgrammeId | null, 
/**
 * One of the `HourKind` values, for that entry.
 */
kind: string, 
/**
 * Set after the coordinator confirmed that a day of more hours than is plausible is meant.
 */
confirmLongDay?: boolean, };

export type DayHoursChange = { "outcome": "unchanged" } | { "outcome": "added", entry: HourEntry, } | { "outcome": "lower", entries: Array<HourEntry>, wanted: number, };

export type MonthOverview = { firstDay: string, lastDay: string, rows: Array<ProgrammeHours>, 
/**
 * Minutes without training, all programmes.
 */
totalMinutes: number, totalTrainingMinutes: number, 
/**
 * Volunteers with at least one entry this month.
 */
volunteersWithHours: number, 
/**
 * Volunteers with the status active.
 */
activeVolunteers: number, };

export type ProgrammeHours = { programmeId: ProgrammeId, name: string, 
/**
 * Minutes without training.
 */
minutes: number, trainingMinutes: number, volunteers: number, };

export type ParticipantId = string;

export type MatchId = string;

export type AssessmentId = string;

export type InvolvementId = string;

export type ReferralId = string;

export type ActivityId = string;

export type LifeDomain = "parenting" | "relationships" | "health" | "money" | "housing" | "language" | "daytime";

export type CrisisMarker = "acute_debt" | "suicidal_signals" | "unsafe_home" | "cannot_cope";

export type CaseLevel = "normal" | "complex" | "acute";

export type MatchStatus = "active" | "ended";

export type ProfessionalKind = "wijkteam" | "debt_help" | "social_counsel" | "gp" | "mental_health" | "other";

export type ActivityLevel = "volunteer" | "grey" | "professional";

export type ParticipantInput = { 
/**
 * A code or a first name; nothing more is required.
 */
label: string, 
/**
 * Where they live: one of the branch's municipalities; none when not known or not asked.
 */
municipalityId: MunicipalityId | null, contact: string, 
/**
 * The day consent was given, as typed; empty when not (yet) recorded.
 */
consentDate: string, 
/**
 * Who recorded the consent (the coordinator, a colleague); may be empty.
 */
consentBy: string, 
/**
 * What the consent covers, in a few words ("gegevens voor de koppeling"); may be empty.
 */
consentScope: string, };

export type Participant = { id: ParticipantId, label: string, contact: string | null, consentDate: string | null, consentBy: string | null, consentScope: string | null, municipalityId: MunicipalityId | null, municipalityName: string | null, };

export type ParticipantRow = { id: ParticipantId, label: string, activeMatches: number, 
/**
 * The highest level among the active matches; `null` without an active match.
 */
level: CaseLevel | null, 
/**
 * The programmes of the active matches (each once), to tell people with one name apart and
 * to filter the list by programme.
 */
programmes: Array<ProgrammeRef>, 
/**
 * The volunteers of the active matches (each once).
 */
volunteers: Array<VolunteerRef>, 
/**
 * Without an active match, the latest ended one: people with one name stay apart.
 */
lastMatch: PastMatch | null, 
/**
 * The day the participant was written into this branch's data.
 */
registered: string | null, };

export type ParticipantDetail = { participant: Participant, matches: Array<Match>, 
/**
 * Every assessment of every match, newest first.
 */
assessments: Array<Assessment>, };

export type VolunteerRef = { id: VolunteerId, name: string, 
/**
 * Matched although the app said they had no room: the reason it gave then.
 */
withoutRoom: string | null, withoutRoomEn: string | null, };

export type ProgrammeRef = { id: ProgrammeId, name: string, };

export type PastMatch = { programmeName: string, endDate: string, };

export type MatchInput = { participantId: ParticipantId | null, programmeId: ProgrammeId | null, volunteerIds: Array<VolunteerId>, startDate: string, 
/**
 * Empty when open-ended.
 */
expectedEndDate: string, 
/**
 * One-to-one at the participant's home ("frontline" work).
 */
oneToOneAtHome: boolean, 
/**
 * The programme's goals this match works towards.
 */
goalIds: Array<GoalId>, };

export type EndMatchInput = { endDate: string, reason: string, 
/**
 * A result for each of the match's goals.
 */
results: Array<GoalResultInput>, };

export type Match = { id: MatchId, participantId: ParticipantId, participantLabel: string, programmeId: ProgrammeId, programmeName: string, volunteers: Array<VolunteerRef>, startDate: string, expectedEndDate: string | null, endDate: string | null, endReason: string | null, oneToOneAtHome: boolean, status: MatchStatus, 
/**
 * Derived from the latest assessment: normal / complex / acute.
 */
level: CaseLevel, 
/**
 * Whether a professional is involved today.
 */
professionalInvolved: boolean, };

export type MatchDetail = { match: Match, 
/**
 * Newest first; never overwritten.
 */
assessments: Array<Assessment>, professionals: Array<Involvement>, 
/**
 * Newest first.
 */
referrals: Array<Referral>, 
/**
 * What the match works towards, and how it went once ended.
 */
goals: Array<MatchGoal>, };

export type Zrm = { scoredBy: string, 
/**
 * As typed on input; ISO on output.
 */
scoredOn: string, 
/**
 * 13 scores, 1 (acute) to 5 (fully self-reliant), in the matrix's order (see `zrmDomains`).
 */
scores: Array<number>, };

export type AssessmentInput = { date: string, domains: Array<LifeDomain>, solvableWithinYear: boolean, markers: Array<CrisisMarker>, zrm: Zrm | null, note: string, };

export type Assessment = { id: AssessmentId, matchId: MatchId, date: string, domains: Array<LifeDomain>, solvableWithinYear: boolean, markers: Array<CrisisMarker>, zrm: Zrm | null, note: string | null, 
/**
 * The level this assessment gives the case.
 */
level: CaseLevel, };

export type InvolvementInput = { 
/**
 * One of the `ProfessionalKind` values.
 */
kind: string, name: string, organisation: string, fromDate: string, 
/**
 * Empty while still involved.
 */
toDate: string, };

export type Involvement = { id: InvolvementId, matchId: MatchId, kind: ProfessionalKind, name: string | null, organisation: string | null, fromDate: string, toDate: string | null, 
/**
 * Involved today.
 */
active: boolean, };

export type ReferralInput = { date: string, 
/**
 * One of the `ProfessionalKind` values.
 */
toKind: string, toName: string, reason: string, 
/**
 * Empty until known.
 */
outcome: string, };

export type Referral = { id: ReferralId, matchId: MatchId, date: string, toKind: ProfessionalKind, toName: string | null, reason: string, outcome: string | null, };

export type ActivityInput = { programmeId: ProgrammeId | null, name: string, 
/**
 * One of the `ActivityLevel` values.
 */
level: string, active: boolean, };

export type Activity = { id: ActivityId, programmeId: ProgrammeId, name: string, level: ActivityLevel, active: boolean, };

export type CaseVocabulary = { zrmDomains: Array<string>, };

export type SignalId = string;

export type RuleId = "hours_over_agreement" | "frontline_load" | "complex_without_professional" | "acute_case" | "professional_task" | "grey_zone_drift" | "weighted_caseload" | "rising_load" | "trajectory_too_long" | "no_supervision" | "strain_check_in" | "credential_expired" | "allowance_over_cap" | "gone_quiet";

export type Severity = "info" | "warning" | "alert";

export type SignalStatus = "open" | "acknowledged" | "snoozed" | "resolved" | "cleared";

export type Resolution = "conversation" | "professional_engaged" | "task_handed_over" | "hours_reduced" | "match_ended" | "second_volunteer" | "break" | "training" | "other";

export type Figure = { labelNl: string, labelEn: string, value: number, threshold: number, };

export type Evidence = { entries: Array<HourEntryId>, matches: Array<MatchId>, figures: Array<Figure>, };

export type SignalView = { id: SignalId, volunteerId: VolunteerId, volunteerName: string, rule: RuleId, severity: Severity, status: SignalStatus, 
/**
 * The match the signal is about, for case rules.
 */
subjectMatchId: MatchId | null, 
/**
 * Dutch, plain, for the volunteer too.
 */
explanation: string, explanationEn: string, 
/**
 * Empty on the attention list; complete on the signal page.
 */
evidence: Evidence, causeDate: string, openedOn: string, snoozedUntil: string | null, closedOn: string | null, resolution: Resolution | null, resolutionNote: string | null, };

export type ActionGroup = "refer" | "talk" | "papers";

export type VolunteerRoom = { volunteerId: VolunteerId, volunteerName: string, hasRoom: boolean, reason: string, reasonEn: string, };

export type GoalId = string;

export type GoalResult = "reached" | "partly" | "not_reached";

export type Goal = { id: GoalId, programmeId: ProgrammeId, name: string, 
/**
 * Offered for new matches.
 */
active: boolean, };

export type GoalInput = { name: string, active: boolean, };

export type MatchGoal = { id: GoalId, name: string, result: GoalResult | null, };

export type GoalResultInput = { goalId: GoalId, result: GoalResult, };

export type MunicipalityId = string;

export type SubsidyId = string;

export type Municipality = { id: MunicipalityId, name: string, 
/**
 * Participants who live there.
 */
participants: number, 
/**
 * Subsidies for it.
 */
subsidies: number, };

export type Subsidy = { id: SubsidyId, name: string, funder: string, 
/**
 * None: not for one municipality (a foundation's, say).
 */
municipalityId: MunicipalityId | null, municipalityName: string | null, firstDay: string, lastDay: string, programmeIds: Array<ProgrammeId>, amountCents: bigint, };

export type SubsidyInput = { name: string, funder: string, municipalityId: MunicipalityId | null, from: string, to: string, programmeIds: Array<ProgrammeId>, amount: string, };

export type StoryId = string;

export type FindingKind = "name" | "email" | "phone" | "address" | "birth_date";

export type Finding = { kind: FindingKind, found: string, start: number, end: number, };

export type Story = { id: StoryId, title: string, text: string, firstDay: string, lastDay: string, 
/**
 * Chosen for reports of a period it overlaps (only possible without findings).
 */
inReport: boolean, 
/**
 * Names, e-mail addresses, phone numbers, addresses and dates of birth found in the text.
 */
findings: Array<Finding>, };

export type StoryInput = { title: string, text: string, from: string, to: string, };

export type OrganisationId = string;

export type Organisation = { id: OrganisationId, name: string, 
/**
 * What they do.
 */
what: string | null, 
/**
 * The kinds of referral they take.
 */
kinds: Array<ProfessionalKind>, 
/**
 * The life domains they work on; empty: every domain.
 */
domains: Array<LifeDomain>, contact: string | null, openingHours: string | null, notes: string | null, };

export type OrganisationInput = { name: string, what: string, kinds: Array<string>, domains: Array<string>, contact: string, openingHours: string, notes: string, };

export type AttentionRow = { volunteerId: VolunteerId, volunteerName: string, 
/**
 * The most severe of their live signals.
 */
severity: Severity, signals: Array<SignalView>, 
/**
 * Those of `signals` that opened since the coordinator last looked (on the grouped list only).
 */
newSignals: Array<SignalId>, };

export type AttentionGroup = { group: ActionGroup, 
/**
 * One row per volunteer with that group's signals, the most severe first.
 */
rows: Array<AttentionRow>, 
/**
 * Signals in this group that are new since the coordinator last looked.
 */
newCount: number, };

export type AttentionOverview = { 
/**
 * Every group in its order, also an empty one (its count says "nothing to do").
 */
groups: Array<AttentionGroup>, 
/**
 * When the coordinator looked before this session (RFC 3339); `None` the first time.
 */
lookedBefore: string | null, };

export type WeekLoad = { weekStart: string, weekNumber: number, 
/**
 * Work minutes (training apart).
 */
minutes: number, };

export type SignalEvent = { onDate: string, fromStatus: SignalStatus | null, toStatus: SignalStatus, resolution: Resolution | null, note: string | null, };

export type ConversationGuide = { why: string, whyEn: string, questions: Array<string>, questionsEn: Array<string>, professional: string, professionalEn: string, 
/**
 * What can be agreed, the likeliest first: the resolve form offers these first.
 */
agreements: Array<Resolution>, 
/**
 * The branch's own wording (then the same in both languages) rather than the default.
 */
edited: boolean, };

export type RuleGuide = { rule: RuleId, guide: ConversationGuide, };

export type GuideInput = { rule: RuleId, why: string, questions: string, professional: string, };

export type SignalDetail = { signal: SignalView, 
/**
 * The evidence entries themselves.
 */
entries: Array<HourEntry>, 
/**
 * The evidence matches themselves.
 */
matches: Array<Match>, 
/**
 * The last 12 full weeks and the current one, oldest first.
 */
weeks: Array<WeekLoad>, agreedMinutesPerWeek: number, 
/**
 * Every status change, oldest first.
 */
history: Array<SignalEvent>, 
/**
 * How to take it up: the rule's conversation guide.
 */
guide: ConversationGuide, };

export type SignalAction = "acknowledge" | "resolve" | "snooze" | "reopen";

export type SignalActionInput = { action: SignalAction, 
/**
 * Required to resolve.
 */
resolution: Resolution | null, note: string, 
/**
 * Resolve: the day it was resolved (default today). Snooze: until when (required).
 */
date: string, };

export type ThresholdKey = "over_agreement_warning" | "over_agreement_alert" | "frontline_multiple" | "grey_zone_count" | "grey_zone_percent" | "caseload_weight" | "rising_percent_per_month" | "quiet_days" | "supervision_weeks";

export type ThresholdView = { programmeId: ProgrammeId, key: ThresholdKey, label: string, labelEn: string, value: number, defaultValue: number, 
/**
 * True when the coordinator changed it from the default.
 */
changed: boolean, source: string, sourceEn: string, };

export type ThresholdInput = { programmeId: ProgrammeId, key: ThresholdKey, 
/**
 * As typed (`1,5`); empty returns it to the default.
 */
value: string, };

export type StrainBand = "low" | "middle" | "high";

export type SupervisionKind = "intervision" | "supervision";

export type AllowanceCaps = { perHour21Plus: number, perHourUnder21: number, perMonth: number, perYear: number, };

export type TrainingView = { name: string, date: string, };

export type RequiredTraining = { programmeId: ProgrammeId, programmeName: string, training: string, done: boolean, };

export type SupervisionView = { date: string, kind: SupervisionKind, note: string | null, };

export type CheckInView = { date: string, answers: Array<boolean>, yes: number, band: StrainBand, note: string | null, };

export type AllowanceView = { 
/**
 * The first day of the month.
 */
month: string, cents: number, };

export type Statement = { nl: string, en: string, };

export type VolunteerSupport = { volunteerId: VolunteerId, vogDate: string | null, 
/**
 * The day the VOG should be renewed by the branch's policy.
 */
vogExpires: string | null, trainings: Array<TrainingView>, requiredTrainings: Array<RequiredTraining>, 
/**
 * Newest first.
 */
supervision: Array<SupervisionView>, 
/**
 * Newest first.
 */
checkIns: Array<CheckInView>, 
/**
 * This year and last, newest first.
 */
allowances: Array<AllowanceView>, statements: Array<Statement>, };

export type SupportInput = { "type": "vog", date: string, } | { "type": "training", name: string, date: string, } | { "type": "supervision", date: string, kind: SupervisionKind, note: string, } | { "type": "checkIn", date: string, answers: Array<boolean>, note: string, } | { "type": "allowance", month: string, amount: string, };

export type SupportSettings = { vogYears: number, 
/**
 * DOMAIN.md's default renewal policy: 3 years.
 */
defaultVogYears: number, caps: AllowanceCaps, 
/**
 * The 2025 caps, shown beside the setting as its default and source.
 */
defaultCaps: AllowanceCaps, capsSource: string, capsSourceEn: string, 
/**
 * Above this many hours in one day for one volunteer, saving asks "Klopt dat?" first.
 */
plausibleDayHours: number, defaultPlausibleDayHours: number, };

export type SupportSettingsInput = { vogYears: string, perHour21Plus: string, perHourUnder21: string, perMonth: string, perYear: string, 
/**
 * Whole hours, 4 to 24; left out, the setting stays as it is.
 */
plausibleDayHours?: string, };

export type AccessState = "new" | "locked" | "open" | "damaged" | "unavailable";

export type DatabaseAccess = { state: AccessState, 
/**
 * True when the database file is encrypted with a passphrase.
 */
encrypted: boolean, databasePath: string, 
/**
 * What is wrong, when the state is `damaged` or `unavailable`.
 */
problem: ApiError | null, 
/**
 * The newest backup that passed its check, offered when the database is damaged.
 */
latestBackup: BackupInfo | null, 
/**
 * The day the recovery code was made (`2026-12-01`), when an encrypted database has one.
 */
recoveryCodeMadeOn: string | null, };

export type BackupKind = "daily" | "manual" | "before_migration" | "before_restore";

export type BackupInfo = { 
/**
 * The file name, which identifies the backup within the backup folder.
 */
file: string, path: string, 
/**
 * Local date and time, `2026-11-28T16:15:00`.
 */
createdAt: string, kind: BackupKind, sizeBytes: number, encrypted: boolean, };

export type NewDatabaseInput = { 
/**
 * `None`: run without encryption, as chosen explicitly.
 */
passphrase: string | null, repeat: string | null, };

export type ChangePassphraseInput = { current: string, passphrase: string, repeat: string, };

export type RestoreInput = { 
/**
 * A backup's file name, as listed.
 */
file: string, 
/**
 * The passphrase that was in use when the backup was made, when it differs from today's.
 */
passphrase: string | null, 
/**
 * Instead of that passphrase, when it is forgotten: the recovery code, with a new passphrase
 * (typed twice) for the restored database.
 */
recoveryCode: string | null, newPassphrase: string | null, repeat: string | null, };

export type MakeRecoveryCodeInput = { passphrase: string, };

export type RecoveryCodeMade = { 
/**
 * In five groups of four: `K7QF-3MZP-W8TD-A2XN-H6RB`.
 */
code: string, madeOn: string, };

export type RecoverInput = { code: string, passphrase: string, repeat: string, };

export type RestoreFileInput = { path: string, 
/**
 * The passphrase the backup was made with (for an encrypted one).
 */
passphrase: string | null, 
/**
 * Instead of that passphrase: the recovery code, with a new passphrase typed twice.
 */
recoveryCode: string | null, newPassphrase: string | null, repeat: string | null, };

export type BackupSettings = { secondLocation: string | null, 
/**
 * Why the last copy to the second location failed (the stick was not there), if it did.
 */
lastCopyProblem: string | null, };

export type AboutInfo = { version: string, 
/**
 * The day this build was made, ISO (`2026-12-05`).
 */
buildDate: string, 
/**
 * The database file, when one is open or chosen.
 */
databasePath: string | null, 
/**
 * The folder of the automatic backups.
 */
backupFolder: string | null, 
/**
 * The second backup place the coordinator chose, if any.
 */
secondBackupFolder: string | null, licence: string, };

export type PersonRef = { "kind": "volunteer", "id": VolunteerId } | { "kind": "participant", "id": ParticipantId };

export type ExportPersonInput = { person: PersonRef, 
/**
 * The JSON file to write (chosen in the native dialog); a readable HTML copy goes beside it
 * with the same name and `.html`.
 */
path: string, };

export type ExportedPerson = { jsonPath: string, htmlPath: string, 
/**
 * How many records the export holds.
 */
records: number, };

export type ErasureReport = { removed: number, kept: Array<string>, keptEn: Array<string>, };

export type RetentionRow = { participantId: ParticipantId, label: string, programme: string, 
/**
 * The end of their last match.
 */
endedOn: string, 
/**
 * When the retention period ran out.
 */
dueOn: string, };

export type ProgrammeRetention = { programmeId: ProgrammeId, name: string, 
/**
 * Years after a match ended that the participant's personal data is kept.
 */
years: number, };

export type PrivacySettings = { 
/**
 * The coordinator working on this laptop: the audit log's "who".
 */
coordinatorName: string, retention: Array<ProgrammeRetention>, };

export type RetentionInput = { programmeId: ProgrammeId, 
/**
 * Whole years, as typed.
 */
years: string, };

export type AuditAction = "added" | "changed" | "removed";

export type AuditRow = { 
/**
 * Local date and time, `2026-11-28T16:15:00`.
 */
at: string, actor: string, action: AuditAction, 
/**
 * The kind of record, in Dutch ("vrijwilliger", "uren", "koppeling" …).
 */
entity: string, entityEn: string, entityId: string, };

export type ImportKind = "volunteers" | "participants" | "matches" | "hour_entries" | "organisations";

export type TargetField = "ignore" | "volunteer_name" | "email" | "phone" | "status" | "start_date" | "agreed_hours" | "programme" | "participant_label" | "contact" | "consent_date" | "expected_end_date" | "date" | "duration" | "kind" | "note" | "organisation_name" | "what" | "referral_kinds" | "domains" | "opening_hours" | "municipality";

export type SourceColumn = { 
/**
 * 0-based position in the sheet.
 */
index: number, header: string, 
/**
 * The first few values, as the coordinator will recognise them.
 */
samples: Array<string>, 
/**
 * Draagkracht's guess from the header (Dutch or English).
 */
guess: TargetField, };

export type SheetPreview = { path: string, 
/**
 * The sheets of a workbook (one, named after the file, for CSV).
 */
sheets: Array<string>, sheet: string, 
/**
 * The row (from 1) that holds the headers: title rows above it are skipped.
 */
headerRow: number, columns: Array<SourceColumn>, 
/**
 * Data rows below the header.
 */
rows: number, 
/**
 * What the columns suggest the sheet holds.
 */
guessedKind: ImportKind, };

export type ColumnMapping = { index: number, field: TargetField, };

export type MappingInput = { path: string, 
/**
 * `None`: the first sheet.
 */
sheet: string | null, kind: ImportKind, columns: Array<ColumnMapping>, };

export type RowProblem = { 
/**
 * The row number as the spreadsheet shows it (from 1).
 */
row: number, 
/**
 * The column's header.
 */
column: string, reason: string, reasonEn: string, };

export type DryRun = { kind: ImportKind, 
/**
 * Data rows read.
 */
rows: number, 
/**
 * Rows that would be added.
 */
toAdd: number, 
/**
 * Rows that match a record already there (a second import adds nothing twice).
 */
existing: number, 
/**
 * Empty rows and total rows, left out.
 */
skipped: number, 
/**
 * Every row that cannot be imported.
 */
problems: Array<RowProblem>, 
/**
 * Fields this kind needs that no column is mapped to.
 */
missingFields: Array<TargetField>, };

export type ImportOutcome = { added: number, existing: number, };

export type ImportProgress = { done: number, total: number, };

export type InterchangeOutcome = { path: string, records: number, };

export type LoadWeek = { weekStart: string, weekNumber: number, 
/**
 * Work minutes (training apart).
 */
minutes: number, 
/**
 * The weight of the cases running that week (normal 1, complex 2, acute 3).
 */
caseloadWeight: number, };

export type VolunteerLoad = { agreedMinutesPerWeek: number, 
/**
 * Oldest first; the last is the current week.
 */
weeks: Array<LoadWeek>, };

export type BranchYear = { year: number, volunteersWithHours: number, 
/**
 * Work minutes (training apart).
 */
minutes: bigint, trainingMinutes: bigint, 
/**
 * Matches running at any time in the year.
 */
matches: number, 
/**
 * Of those, complex (by their level at the end of the year or of the match), in percent.
 */
complexPercent: number, acutePercent: number, 
/**
 * Minutes logged with an activity of each level.
 */
volunteerLevelMinutes: bigint, greyMinutes: bigint, professionalMinutes: bigint, };

export type BranchTrend = { 
/**
 * Oldest first.
 */
years: Array<BranchYear>, };

export type ReportAudience = "funder" | "internal";

export type ReportFormat = "pdf" | "xlsx" | "csv" | "csv_rfc";

export type ReportInput = { from: string, to: string, 
/**
 * `None`: the whole branch.
 */
programmeId: ProgrammeId | null, 
/**
 * Only the residents of this municipality: their matches, the hours in them, their referrals,
 * and the volunteers who served them.
 */
municipalityId: MunicipalityId | null, 
/**
 * What this subsidy pays for: its programmes, and its municipality's residents when it is for
 * one. Takes the place of `programme_id` and `municipality_id`.
 */
subsidyId: SubsidyId | null, audience: ReportAudience, language: Language, };

export type ReportSettings = { branchName: string, hourRateCents: number, hourRateSource: string, };

export type ReportSettingsInput = { branchName: string, 
/**
 * Euros as typed: `14,06`.
 */
hourRate: string, hourRateSource: string, };

export type PreviewTable = { title: string, columns: Array<string>, rows: Array<Array<string>>, total: Array<string> | null, note: string | null, 
/**
 * Per column: numbers, to be right-aligned as in the file.
 */
numeric: Array<boolean>, };

export type PreviewSection = { title: string, intro: string | null, tables: Array<PreviewTable>, };

export type PreviewFigure = { label: string, value: string, };

export type ReportPreview = { title: string, branch: string, scope: string, period: string, notes: Array<string>, keyFigures: Array<PreviewFigure>, sections: Array<PreviewSection>, };

export type ReportSaved = { path: string, bytes: number, };

export type NationalAccountKind = "branch" | "region" | "national";

export type NationalBranch = { name: string, region: string | null, };

export type NationalAccount = { kind: NationalAccountKind, 
/**
 * A branch account's branch.
 */
branch: string | null, 
/**
 * A region account's region (or a branch's).
 */
region: string | null, branches: Array<NationalBranch>, 
/**
 * The regions among them, sorted.
 */
regions: Array<string>, };

export type NationalReportRequest = { server: string, from: string, to: string, audience: ReportAudience, language: Language, 
/**
 * Only the branches of this region.
 */
region: string | null, 
/**
 * Only these branches (none: every branch the account may read).
 */
branches: Array<string>, 
/**
 * Only the residents of the municipality of this name.
 */
municipality: string | null, };

export type PublishedMonth = { 
/**
 * `2025-03`.
 */
month: string, 
/**
 * RFC 3339.
 */
publishedAt: string, 
/**
 * "server" or "file".
 */
via: string, };

export type PublishingStatus = { 
/**
 * The remembered address of the branch's account (with its password: shown masked).
 */
server: string | null, 
/**
 * The name a publication file gives (the report settings' branch name).
 */
branchName: string, 
/**
 * The complete months with records.
 */
publishable: number, firstMonth: string | null, lastMonth: string | null, published: Array<PublishedMonth>, };

export type PublishReport = { months: number, 
/**
 * Months the server took in (a month published later from another laptop is kept).
 */
taken: number, 
/**
 * Where the file went (publishing as a file).
 */
path: string | null, };

export type SharingStatus = { sharing: boolean, branchId: string | null, 
/**
 * This laptop's name within the branch.
 */
deviceName: string | null, 
/**
 * The shared folder (or, later, server) as chosen.
 */
place: string | null, 
/**
 * Changes made here that the others have not received yet.
 */
changesWaiting: bigint, devices: Array<DeviceInfo>, 
/**
 * Open "Twee versies".
 */
twoVersions: number, 
/**
 * When this laptop last reached the shared place and synchronised (RFC 3339).
 */
lastSyncedAt: string | null, 
/**
 * Why the last attempt failed (the folder unreachable, the server down), until one succeeds.
 */
lastFailure: ApiError | null, };

export type DeviceInfo = { id: string, name: string, thisLaptop: boolean, 
/**
 * When its newest batch applied here was written (RFC 3339); for this laptop, when it last
 * synchronised.
 */
lastSeen: string | null, 
/**
 * How many of its batches this laptop has (for this laptop: has written).
 */
batches: bigint, 
/**
 * Removed from the branch (lost, stolen, left): it can read nothing written since.
 */
removed: boolean, };

export type SyncReport = { sentBatches: number, sentChanges: number, receivedBatches: number, receivedChanges: number, 
/**
 * Fields whose value changed here.
 */
changedHere: number, newTwoVersions: number, 
/**
 * Batches received that wait for another laptop's earlier batch.
 */
waitingBatches: number, 
/**
 * Batches that could not be used, and clocks far off, each in plain words.
 */
problems: Array<SyncProblem>, 
/**
 * Changes made here still to be sent (0 after a sync that reached the shared place).
 */
changesWaiting: bigint, };

export type SyncProblem = { 
/**
 * The laptop concerned (its name when known, else its id).
 */
device: string, batch: bigint | null, message: string, messageEn: string, };

export type JoinCodeMade = { 
/**
 * `ABCD-EFGH-JKMN-PQRS-TVWX`
 */
code: string, expiresAt: string, };

export type JoinReport = { branchId: string, records: bigint, sync: SyncReport, };

export type TwoVersionsItem = { id: bigint, 
/**
 * The table and record concerned (`volunteers`, its id).
 */
table: string, record: string, 
/**
 * The record as a coordinator knows it: a volunteer's name, a participant's label, the
 * volunteer and date of an hour entry; else its id.
 */
recordLabel: string, field: string, kept: string, keptBy: string, keptAt: string, other: string, otherBy: string, otherAt: string, noticedAt: string, };

export type JoinProgress = { step: number, steps: number, };
