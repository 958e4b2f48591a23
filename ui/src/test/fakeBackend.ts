// A fake `Backend` for component tests: every command is a `vi.fn` with a sensible answer from
// the fixtures below, so a test overrides only what it is about and asserts on the calls.
import { vi, type Mock } from 'vitest';
import type { Backend } from '../api/backend';
import type {
  Activity,
  ActivityInput,
  ApiError,
  AppStatus,
  Assessment,
  AttentionRow,
  CaseVocabulary,
  HourEntry,
  HourEntryInput,
  Involvement,
  InvolvementInput,
  Match,
  MatchDetail,
  MatchInput,
  MonthOverview,
  Participant,
  ParticipantDetail,
  ParticipantInput,
  ParticipantRow,
  Programme,
  ProgrammeInput,
  Referral,
  ReferralInput,
  SignalActionInput,
  SignalDetail,
  SignalEvent,
  SignalStatus,
  SignalView,
  VolunteerChoice,
  VolunteerDetail,
  VolunteerRow,
  WeekGrid,
} from '../api/bindings';
import { caseLevel } from '../features/cases/level';

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
  matches: [],
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
    matchId: input.matchId,
    activityId: input.activityId,
    activityName: ACTIVITIES.find((a) => a.id === input.activityId)?.name ?? null,
    activityLevel: ACTIVITIES.find((a) => a.id === input.activityId)?.level ?? null,
  };
}

/** A date as the backend answers it: `24-11-2025` becomes `2025-11-24`; empty stays empty. */
export function iso(typed: string): string {
  return typed.trim().replace(/^(\d\d)-(\d\d)-(\d{4})$/, '$3-$2-$1');
}

export const PARTICIPANT_ROWS: ParticipantRow[] = [
  { id: 'd-017', label: 'D-017', activeMatches: 1, level: 'complex' },
  { id: 'd-020', label: 'Fatima', activeMatches: 2, level: 'acute' },
  { id: 'd-031', label: 'D-031', activeMatches: 0, level: null },
];

export const PARTICIPANT: Participant = { id: 'd-017', label: 'D-017', contact: null, consentDate: '2025-01-15' };

export const MATCH: Match = {
  id: 'm-1',
  participantId: 'd-017',
  participantLabel: 'D-017',
  programmeId: 'p-admin',
  programmeName: 'Thuisadministratie',
  volunteers: [{ id: 'v-anna', name: 'Anna de Vries' }],
  startDate: '2025-02-01',
  expectedEndDate: '2026-01-31',
  endDate: null,
  endReason: null,
  oneToOneAtHome: true,
  status: 'active',
  level: 'complex',
  professionalInvolved: false,
};

/** Newest first: the case became complex in November. */
export const ASSESSMENTS: Assessment[] = [
  {
    id: 'a-2',
    matchId: 'm-1',
    date: '2025-11-10',
    domains: ['health', 'money', 'housing'],
    solvableWithinYear: false,
    markers: [],
    zrm: null,
    note: 'Huur achterstand',
    level: 'complex',
  },
  {
    id: 'a-1',
    matchId: 'm-1',
    date: '2025-02-01',
    domains: ['money'],
    solvableWithinYear: true,
    markers: [],
    zrm: null,
    note: null,
    level: 'normal',
  },
];

export const PARTICIPANT_DETAIL: ParticipantDetail = { participant: PARTICIPANT, matches: [MATCH], assessments: ASSESSMENTS };

export const MATCH_DETAIL: MatchDetail = { match: MATCH, assessments: ASSESSMENTS, professionals: [], referrals: [] };

export const ACTIVITIES: Activity[] = [
  { id: 'act-post', programmeId: 'p-admin', name: 'Post ordenen en archiveren', level: 'volunteer', active: true },
  { id: 'act-creditors', programmeId: 'p-admin', name: 'Onderhandelen met schuldeisers', level: 'grey', active: true },
  { id: 'act-bailiff', programmeId: 'p-admin', name: 'Contact met deurwaarder', level: 'professional', active: true },
  { id: 'act-old', programmeId: 'p-admin', name: 'Kasboek bijhouden', level: 'volunteer', active: false },
  { id: 'act-outing', programmeId: 'p-buddy', name: 'Samen iets ondernemen', level: 'volunteer', active: true },
  { id: 'act-medication', programmeId: 'p-buddy', name: 'Medicatie geven', level: 'professional', active: true },
];

export const VOCABULARY: CaseVocabulary = {
  zrmDomains: [
    'financiën',
    'werk & opleiding',
    'tijdsbesteding',
    'huisvesting',
    'huiselijke relaties',
    'geestelijke gezondheid',
    'lichamelijke gezondheid',
    'middelengebruik',
    'basale ADL',
    'instrumentele ADL',
    'sociaal netwerk',
    'maatschappelijke participatie',
    'justitie',
  ],
};

/** The match the backend would make of `input`. */
export function matchFor(input: MatchInput, id = 'm-new'): Match {
  const programme = PROGRAMMES.find((p) => p.id === input.programmeId);
  return {
    ...MATCH,
    id,
    participantId: input.participantId ?? '',
    programmeId: input.programmeId ?? '',
    programmeName: programme?.name ?? '?',
    volunteers: input.volunteerIds.map((v) => ({ id: v, name: ROWS.find((r) => r.id === v)?.name ?? '?' })),
    startDate: iso(input.startDate),
    expectedEndDate: iso(input.expectedEndDate) || null,
    oneToOneAtHome: input.oneToOneAtHome,
    level: 'normal',
    professionalInvolved: false,
  };
}

/** Anna worked far more than her 4 agreed hours a week: an alert, still open. */
export const SIGNAL: SignalView = {
  id: 's-hours',
  volunteerId: 'v-anna',
  volunteerName: 'Anna de Vries',
  rule: 'hours_over_agreement',
  severity: 'alert',
  status: 'open',
  subjectMatchId: null,
  explanation: 'Anna de Vries werkte de afgelopen 4 weken 34,5 uur. Afgesproken is 4 uur per week. Dat is meer dan twee keer zoveel.',
  explanationEn: 'Anna de Vries worked 34.5 hours in the last 4 weeks. The agreement is 4 hours a week. That is more than twice as much.',
  evidence: {
    entries: ['e-31', 'e-32'],
    matches: [],
    figures: [{ labelNl: 'uren in de afgelopen 4 weken', labelEn: 'hours in the last 4 weeks', value: 34.5, threshold: 32 }],
  },
  causeDate: '2025-11-24',
  openedOn: '2025-11-24',
  snoozedUntil: null,
  closedOn: null,
  resolution: null,
  resolutionNote: null,
};

/** Anna's complex case has no professional; she has seen it already. */
export const CASE_SIGNAL: SignalView = {
  ...SIGNAL,
  id: 's-case',
  rule: 'complex_without_professional',
  severity: 'alert',
  status: 'acknowledged',
  subjectMatchId: 'm-1',
  explanation: 'Anna de Vries helpt D-017. Die casus is complex, en er is geen professional bij betrokken.',
  explanationEn: 'Anna de Vries helps D-017. That case is complex, and no professional is involved.',
  evidence: { entries: [], matches: ['m-1'], figures: [] },
  causeDate: '2025-11-10',
  openedOn: '2025-11-10',
};

export const GREY_SIGNAL: SignalView = {
  ...SIGNAL,
  id: 's-grey',
  volunteerId: 'v-bram',
  volunteerName: 'Bram Jansen',
  rule: 'grey_zone_drift',
  severity: 'warning',
  explanation: 'Bram Jansen deed de afgelopen 4 weken 3 keer iets uit het grijze gebied.',
  explanationEn: 'Bram Jansen did something from the grey zone 3 times in the last 4 weeks.',
  evidence: {
    entries: [],
    matches: [],
    figures: [
      { labelNl: 'keer grijs gebied', labelEn: 'times in the grey zone', value: 3, threshold: 3 },
      { labelNl: 'deel van de uren (%)', labelEn: 'share of the hours (%)', value: 18.75, threshold: 25 },
    ],
  },
};

export const QUIET_SIGNAL: SignalView = {
  ...SIGNAL,
  id: 's-quiet',
  volunteerId: 'v-carla',
  volunteerName: 'Carla Bakker',
  rule: 'gone_quiet',
  severity: 'info',
  explanation: 'Carla Bakker heeft al 30 dagen geen uren, maar heeft wel een actieve koppeling.',
  explanationEn: 'Carla Bakker has logged no hours for 30 days, but does have an active match.',
  evidence: { entries: [], matches: [], figures: [{ labelNl: 'dagen zonder uren', labelEn: 'days without hours', value: 30, threshold: 30 }] },
};

/** As the backend sorts it: the most severe first. */
export const ATTENTION: AttentionRow[] = [
  { volunteerId: 'v-anna', volunteerName: 'Anna de Vries', severity: 'alert', signals: [SIGNAL, CASE_SIGNAL] },
  { volunteerId: 'v-bram', volunteerName: 'Bram Jansen', severity: 'warning', signals: [GREY_SIGNAL] },
  { volunteerId: 'v-carla', volunteerName: 'Carla Bakker', severity: 'info', signals: [QUIET_SIGNAL] },
];

/** Hours per week from 1 September (week 36) to this week (48, still running), oldest first. */
const WEEK_MINUTES = [180, 240, 210, 240, 300, 240, 270, 360, 420, 480, 540, 600, 120];

export const SIGNAL_DETAIL: SignalDetail = {
  signal: SIGNAL,
  entries: [
    {
      id: 'e-31',
      volunteerId: 'v-anna',
      volunteerName: 'Anna de Vries',
      date: '2025-11-24',
      minutes: 120,
      programmeId: 'p-admin',
      programmeName: 'Thuisadministratie',
      kind: 'support',
      note: 'Belastingaangifte',
      matchId: 'm-1',
      activityId: 'act-creditors',
      activityName: 'Onderhandelen met schuldeisers',
      activityLevel: 'grey',
    },
    {
      id: 'e-32',
      volunteerId: 'v-anna',
      volunteerName: 'Anna de Vries',
      date: '2025-11-20',
      minutes: 270,
      programmeId: 'p-admin',
      programmeName: 'Thuisadministratie',
      kind: 'support',
      note: null,
      matchId: 'm-1',
      activityId: 'act-post',
      activityName: 'Post ordenen en archiveren',
      activityLevel: 'volunteer',
    },
  ],
  matches: [],
  weeks: WEEK_MINUTES.map((minutes, i) => ({
    weekStart: addDaysIso('2025-09-01', 7 * i),
    weekNumber: 36 + i,
    minutes,
  })),
  agreedMinutesPerWeek: 240,
  history: [{ onDate: '2025-11-24', fromStatus: null, toStatus: 'open', resolution: null, note: null }],
};

export const CASE_SIGNAL_DETAIL: SignalDetail = { ...SIGNAL_DETAIL, signal: CASE_SIGNAL, entries: [], matches: [MATCH] };

/** Anna's signals, newest first, as the volunteer page lists them. */
export const VOLUNTEER_SIGNALS: SignalView[] = [
  SIGNAL,
  CASE_SIGNAL,
  {
    ...SIGNAL,
    id: 's-old',
    rule: 'professional_task',
    status: 'resolved',
    explanation: 'Anna de Vries deed op 02-10-2025 een professionele taak: Contact met deurwaarder.',
    explanationEn: 'On 02-10-2025 Anna de Vries did a professional task: Contact met deurwaarder.',
    causeDate: '2025-10-02',
    openedOn: '2025-10-02',
    closedOn: '2025-10-06',
    resolution: 'professional_engaged',
    resolutionNote: 'Schuldhulp neemt het over.',
  },
];

function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What the backend answers to an action on `detail`: the new status and a line of history, or its
 * refusals (no resolution, no snooze date, an action the status does not allow).
 */
export function actedOn(detail: SignalDetail, input: SignalActionInput): SignalDetail {
  const from = detail.signal.status;
  const live = from === 'open' || from === 'acknowledged' || from === 'snoozed';
  const notAllowed = refusal({
    field: 'status',
    reason: 'not_allowed',
    message: 'Dat kan niet met een signaal in deze stand.',
    messageEn: 'That is not possible for a signal in this state.',
  });
  let to: SignalStatus;
  let on = TODAY;
  const next = structuredClone(detail);
  switch (input.action) {
    case 'acknowledge':
      if (from !== 'open' && from !== 'snoozed') throw notAllowed;
      to = 'acknowledged';
      break;
    case 'resolve':
      if (!live) throw notAllowed;
      if (input.resolution === null) {
        throw refusal({ field: 'resolution', reason: 'required', message: 'Kies wat je hebt gedaan.', messageEn: 'Please choose what you did.' });
      }
      to = 'resolved';
      on = iso(input.date) || TODAY;
      next.signal.closedOn = on;
      next.signal.resolution = input.resolution;
      next.signal.resolutionNote = input.note.trim() || null;
      break;
    case 'snooze':
      if (!live) throw notAllowed;
      if (input.date.trim() === '') {
        throw refusal({ field: 'date', reason: 'required', message: 'Vul een datum in.', messageEn: 'Please fill in a date.' });
      }
      to = 'snoozed';
      next.signal.snoozedUntil = iso(input.date);
      break;
    case 'reopen':
      if (live && from !== 'snoozed') throw notAllowed;
      to = 'open';
      next.signal.closedOn = null;
      next.signal.snoozedUntil = null;
      next.signal.resolution = null;
      next.signal.resolutionNote = null;
      break;
  }
  next.signal.status = to;
  const event: SignalEvent = {
    onDate: on,
    fromStatus: from,
    toStatus: to,
    resolution: input.action === 'resolve' ? input.resolution : null,
    note: input.note.trim() || null,
  };
  next.history.push(event);
  return next;
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
    listParticipants: async () => PARTICIPANT_ROWS,
    getParticipant: async () => structuredClone(PARTICIPANT_DETAIL),
    createParticipant: async (input) => ({ id: 'd-new', ...savedParticipant(input) }),
    updateParticipant: async (id, input) => ({ id, ...savedParticipant(input) }),
    createMatch: async (input) => matchFor(input),
    getMatch: async () => structuredClone(MATCH_DETAIL),
    endMatch: async (_id, input) => {
      const detail = structuredClone(MATCH_DETAIL);
      detail.match = { ...detail.match, status: 'ended', endDate: iso(input.endDate), endReason: input.reason };
      return detail;
    },
    assessCase: async (matchId, input) => {
      const detail = structuredClone(MATCH_DETAIL);
      const level = caseLevel({ ...input, zrmScores: input.zrm?.scores ?? null });
      const assessment: Assessment = { id: 'a-new', matchId, ...input, date: iso(input.date), note: input.note || null, level };
      detail.assessments.unshift(assessment);
      detail.match.level = level;
      return detail;
    },
    addProfessional: async (matchId, input) => {
      const detail = structuredClone(MATCH_DETAIL);
      detail.professionals.push(savedInvolvement('i-new', matchId, input));
      detail.match.professionalInvolved = input.toDate.trim() === '';
      return detail;
    },
    updateProfessional: async (id, input) => {
      const detail = structuredClone(MATCH_DETAIL);
      detail.professionals = [savedInvolvement(id, detail.match.id, input)];
      detail.match.professionalInvolved = input.toDate.trim() === '';
      return detail;
    },
    logReferral: async (matchId, input) => {
      const detail = structuredClone(MATCH_DETAIL);
      detail.referrals.unshift(savedReferral('r-new', matchId, input));
      return detail;
    },
    updateReferral: async (id, input) => {
      const detail = structuredClone(MATCH_DETAIL);
      detail.referrals = [savedReferral(id, detail.match.id, input)];
      return detail;
    },
    listActivities: async (programmeId) => ACTIVITIES.filter((a) => programmeId === null || a.programmeId === programmeId),
    createActivity: async (input) => ({ id: 'act-new', ...savedActivity(input) }),
    updateActivity: async (id, input) => ({ id, ...savedActivity(input) }),
    volunteerMatches: async () => [MATCH],
    caseVocabulary: async () => VOCABULARY,
    attentionList: async () => structuredClone(ATTENTION),
    getSignal: async (id) => structuredClone(id === CASE_SIGNAL.id ? CASE_SIGNAL_DETAIL : SIGNAL_DETAIL),
    actOnSignal: async (id, input) => actedOn(id === CASE_SIGNAL.id ? CASE_SIGNAL_DETAIL : SIGNAL_DETAIL, input),
    volunteerSignals: async () => structuredClone(VOLUNTEER_SIGNALS),
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

function savedParticipant(input: ParticipantInput): Omit<Participant, 'id'> {
  return { label: input.label.trim(), contact: input.contact.trim() || null, consentDate: iso(input.consentDate) || null };
}

function savedInvolvement(id: string, matchId: string, input: InvolvementInput): Involvement {
  return {
    id,
    matchId,
    kind: input.kind as Involvement['kind'],
    name: input.name.trim() || null,
    organisation: input.organisation.trim() || null,
    fromDate: iso(input.fromDate),
    toDate: iso(input.toDate) || null,
    active: input.toDate.trim() === '',
  };
}

function savedReferral(id: string, matchId: string, input: ReferralInput): Referral {
  return {
    id,
    matchId,
    date: iso(input.date),
    toKind: input.toKind as Referral['toKind'],
    toName: input.toName.trim() || null,
    reason: input.reason.trim(),
    outcome: input.outcome.trim() || null,
  };
}

function savedActivity(input: ActivityInput): Omit<Activity, 'id'> {
  return { programmeId: input.programmeId ?? '', name: input.name.trim(), level: input.level as Activity['level'], active: input.active };
}
