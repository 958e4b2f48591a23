// Generated from the Rust wire types (src-tauri/crates/api/src/wire.rs) by ts-rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p draagkracht-api bindings` after changing them.

export type ApiError = { code: ErrorCode, 
/**
 * Dutch, for the coordinator.
 */
message: string, messageEn: string, field: Field | null, reason: RefusalCode | null, };

export type ErrorCode = "invalid_input" | "duplicate_entry" | "not_found" | "database_too_new" | "storage";

export type Field = "name" | "email" | "phone" | "status" | "startDate" | "agreedHours" | "programmes" | "volunteer" | "date" | "duration" | "programme" | "kind" | "note" | "description" | "maxMonths";

export type RefusalCode = "required" | "too_long" | "invalid_format" | "not_positive" | "too_large" | "in_future" | "too_old" | "unknown" | "not_allowed";

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

export type Programme = { id: ProgrammeId, name: string, description: string | null, maxMonths: number | null, active: boolean, };

export type ProgrammeInput = { name: string, description: string, 
/**
 * Months as typed (`12`); empty means open-ended.
 */
maxMonths: string, active: boolean, };

export type Volunteer = { id: VolunteerId, name: string, email: string | null, phone: string | null, status: VolunteerStatus, startDate: string, agreedMinutesPerWeek: number, programmeIds: Array<ProgrammeId>, };

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
allowedStatuses: Array<VolunteerStatus>, };

export type VolunteerChoice = { id: VolunteerId, name: string, status: VolunteerStatus, 
/**
 * The programme to preselect: the active one of their latest entry, else their first active one.
 */
defaultProgrammeId: ProgrammeId | null, };

export type HourTotals = { lastFourWeeks: number, thisMonth: number, thisYear: number, trainingThisYear: number, };

export type HourEntry = { id: HourEntryId, volunteerId: VolunteerId, volunteerName: string, date: string, minutes: number, programmeId: ProgrammeId, programmeName: string, kind: HourKind, note: string | null, };

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
 * Set after the coordinator confirmed that an identical entry on that day is meant.
 */
confirmDuplicate: boolean, };

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
