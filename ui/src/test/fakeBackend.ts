// A fake `Backend` for component tests: every command is a `vi.fn` with a sensible answer from
// the fixtures below, so a test overrides only what it is about and asserts on the calls.
import { vi, type Mock } from 'vitest';
import type { Backend } from '../api/backend';
import type {
  ApiError,
  AppStatus,
  HourEntry,
  HourEntryInput,
  MonthOverview,
  Programme,
  ProgrammeInput,
  VolunteerChoice,
  VolunteerDetail,
  VolunteerRow,
  WeekGrid,
} from '../api/bindings';

/** A Wednesday: Thursday to Sunday of that week lie in the future. */
export const TODAY = '2025-11-26';

export const STATUS: AppStatus = {
  setUp: true,
  demo: false,
  language: 'nl',
  databasePath: '/tmp/draagkracht.sqlite',
  today: TODAY,
};

export const PROGRAMMES: Programme[] = [
  { id: 'p-admin', name: 'Thuisadministratie', description: 'Hulp bij de thuisadministratie.', maxMonths: 12, active: true },
  { id: 'p-buddy', name: 'Maatje', description: null, maxMonths: 24, active: true },
  { id: 'p-old', name: 'Oud project', description: null, maxMonths: null, active: false },
];

export const ROWS: VolunteerRow[] = [
  {
    id: 'v-anna',
    name: 'Anna de Vries',
    status: 'active',
    programmeNames: ['Thuisadministratie'],
    minutesLastFourWeeks: 270,
    lastEntryDate: '2025-11-24',
  },
  {
    id: 'v-bram',
    name: 'Bram Jansen',
    status: 'resting',
    programmeNames: ['Maatje'],
    minutesLastFourWeeks: 0,
    lastEntryDate: null,
  },
];

export const DETAIL: VolunteerDetail = {
  volunteer: {
    id: 'v-anna',
    name: 'Anna de Vries',
    email: 'anna@example.nl',
    phone: '06-12345678',
    status: 'active',
    startDate: '2024-03-01',
    agreedMinutesPerWeek: 240,
    programmeIds: ['p-admin'],
  },
  programmeNames: ['Thuisadministratie'],
  totals: { lastFourWeeks: 270, thisMonth: 90, thisYear: 1500, trainingThisYear: 120 },
  recentEntries: [],
  allowedStatuses: ['active', 'resting', 'stopped'],
};

export const CHOICES: VolunteerChoice[] = [
  { id: 'v-bram', name: 'Bram Jansen', status: 'active', defaultProgrammeId: 'p-buddy' },
  { id: 'v-anna', name: 'Anna de Vries', status: 'active', defaultProgrammeId: 'p-admin' },
];

export const WEEK: WeekGrid = {
  weekStart: '2025-11-24',
  weekNumber: 48,
  days: ['2025-11-24', '2025-11-25', '2025-11-26', '2025-11-27', '2025-11-28', '2025-11-29', '2025-11-30'],
  rows: [
    { volunteerId: 'v-anna', name: 'Anna de Vries', defaultProgrammeId: 'p-admin', minutes: [60, 0, 0, 0, 0, 0, 0] },
    { volunteerId: 'v-bram', name: 'Bram Jansen', defaultProgrammeId: 'p-buddy', minutes: [0, 0, 0, 0, 0, 0, 0] },
  ],
};

export const MONTH: MonthOverview = {
  firstDay: '2025-11-01',
  lastDay: '2025-11-30',
  rows: [
    { programmeId: 'p-admin', name: 'Thuisadministratie', minutes: 600, trainingMinutes: 90, volunteers: 3 },
    { programmeId: 'p-buddy', name: 'Maatje', minutes: 300, trainingMinutes: 0, volunteers: 2 },
  ],
  totalMinutes: 900,
  totalTrainingMinutes: 90,
  volunteersWithHours: 4,
  activeVolunteers: 12,
};

/** The entry the backend would store for `input` (its minutes parsed from simple forms only). */
export function entryFor(input: HourEntryInput, id = 'e-1'): HourEntry {
  const volunteer = [...CHOICES].find((c) => c.id === input.volunteerId);
  const programme = PROGRAMMES.find((p) => p.id === input.programmeId);
  return {
    id,
    volunteerId: input.volunteerId ?? '',
    volunteerName: volunteer?.name ?? '?',
    // The backend reads 24-11-2025 as well as 2025-11-24 and answers in ISO.
    date: input.date.replace(/^(\d\d)-(\d\d)-(\d{4})$/, '$3-$2-$1'),
    minutes: Math.round(Number(input.duration.replace(',', '.')) * 60),
    programmeId: input.programmeId ?? '',
    programmeName: programme?.name ?? '?',
    kind: input.kind as HourEntry['kind'],
    note: input.note || null,
  };
}

/** An `ApiError` as the Rust side sends it. */
export function refusal(overrides: Partial<ApiError> = {}): ApiError {
  return {
    code: 'invalid_input',
    message: 'Dat klopt niet.',
    messageEn: 'That is not right.',
    field: null,
    reason: 'invalid_format',
    ...overrides,
  };
}

export type FakeBackend = { [K in keyof Backend]: Mock<Backend[K]> };

/** A backend whose every command answers from the fixtures; pass overrides for the test at hand. */
export function fakeBackend(overrides: Partial<Backend> = {}): FakeBackend {
  const fake: Backend = {
    appStatus: async () => STATUS,
    setUp: async (choice) => ({ ...STATUS, setUp: true, demo: choice === 'demo' }),
    setLanguage: async (language) => ({ ...STATUS, language }),
    listProgrammes: async () => PROGRAMMES,
    createProgramme: async (input) => ({ id: 'p-new', ...savedProgramme(input) }),
    updateProgramme: async (id, input) => ({ id, ...savedProgramme(input) }),
    listVolunteers: async () => ROWS,
    getVolunteer: async () => DETAIL,
    createVolunteer: async () => ({ ...DETAIL.volunteer, id: 'v-new' }),
    updateVolunteer: async (id) => ({ ...DETAIL.volunteer, id }),
    volunteerChoices: async () => CHOICES,
    logHours: async (input) => entryFor(input),
    deleteHourEntry: async () => null,
    weekGrid: async () => structuredClone(WEEK),
    monthOverview: async () => MONTH,
    ...overrides,
  };
  const mocked = {} as Record<string, Mock>;
  for (const [name, implementation] of Object.entries(fake)) {
    mocked[name] = vi.fn(implementation as (...args: unknown[]) => unknown);
  }
  return mocked as unknown as FakeBackend;
}

/** What the backend answers for a saved programme form (months parsed, empty texts as null). */
function savedProgramme(input: ProgrammeInput): Omit<Programme, 'id'> {
  const months = input.maxMonths.trim();
  return { name: input.name, description: input.description || null, maxMonths: months === '' ? null : Number(months), active: input.active };
}
