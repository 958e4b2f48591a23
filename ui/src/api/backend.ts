// The one seam between the window and the Rust side. Every Tauri command is called here and
// nowhere else; components ask `getBackend()` for a `Backend`, so tests hand them a fake with
// `setBackend()`. Rejections always arrive as an `ApiError`, whatever went wrong underneath.
import { invoke } from '@tauri-apps/api/core';
import type {
  ApiError,
  AppStatus,
  HourEntry,
  HourEntryId,
  HourEntryInput,
  Language,
  MonthOverview,
  Programme,
  ProgrammeId,
  ProgrammeInput,
  SetupChoice,
  Volunteer,
  VolunteerChoice,
  VolunteerDetail,
  VolunteerFilter,
  VolunteerId,
  VolunteerInput,
  VolunteerRow,
  WeekGrid,
} from './bindings';

/** One method per Tauri command; arguments and results as in `bindings.ts`. */
export interface Backend {
  appStatus(): Promise<AppStatus>;
  setUp(choice: SetupChoice): Promise<AppStatus>;
  setLanguage(language: Language): Promise<AppStatus>;
  listProgrammes(): Promise<Programme[]>;
  createProgramme(input: ProgrammeInput): Promise<Programme>;
  updateProgramme(id: ProgrammeId, input: ProgrammeInput): Promise<Programme>;
  listVolunteers(filter: VolunteerFilter): Promise<VolunteerRow[]>;
  getVolunteer(id: VolunteerId): Promise<VolunteerDetail>;
  createVolunteer(input: VolunteerInput): Promise<Volunteer>;
  updateVolunteer(id: VolunteerId, input: VolunteerInput): Promise<Volunteer>;
  volunteerChoices(): Promise<VolunteerChoice[]>;
  logHours(input: HourEntryInput): Promise<HourEntry>;
  deleteHourEntry(id: HourEntryId): Promise<null>;
  /** Any ISO date inside the wanted week. */
  /** The Monday-to-Sunday week holding `day` (ISO date). */
  weekGrid(day: string): Promise<WeekGrid>;
  /** The month holding that ISO date; `null` means this month. */
  monthOverview(day: string | null): Promise<MonthOverview>;
}

const ERROR_CODES = new Set<string>([
  'invalid_input',
  'duplicate_entry',
  'not_found',
  'database_too_new',
  'storage',
]);

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

/** The real backend: Tauri commands over IPC. Argument keys are camelCase, as Tauri expects. */
export const tauriBackend: Backend = {
  appStatus: () => call('app_status'),
  setUp: (choice) => call('set_up', { choice }),
  setLanguage: (language) => call('set_language', { language }),
  listProgrammes: () => call('list_programmes'),
  createProgramme: (input) => call('create_programme', { input }),
  updateProgramme: (id, input) => call('update_programme', { id, input }),
  listVolunteers: (filter) => call('list_volunteers', { filter }),
  getVolunteer: (id) => call('get_volunteer', { id }),
  createVolunteer: (input) => call('create_volunteer', { input }),
  updateVolunteer: (id, input) => call('update_volunteer', { id, input }),
  volunteerChoices: () => call('volunteer_choices'),
  logHours: (input) => call('log_hours', { input }),
  deleteHourEntry: (id) => call('delete_hour_entry', { id }),
  weekGrid: (day) => call('week_grid', { day }),
  monthOverview: (day) => call('month_overview', { day }),
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
