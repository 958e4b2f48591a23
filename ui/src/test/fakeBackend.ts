// A fake `Backend` for component tests: every command is a `vi.fn` with a sensible answer from
// the fixtures below, so a test overrides only what it is about and asserts on the calls.
import { vi, type Mock } from 'vitest';
import type { Backend } from '../api/backend';
import type {
  AboutInfo,
  AccessState,
  Activity,
  ActivityInput,
  ApiError,
  AppStatus,
  Assessment,
  ActionGroup,
  Organisation,
  LifeDomain,
  ProfessionalKind,
  RuleGuide,
  AttentionOverview,
  AttentionRow,
  AuditRow,
  BackupInfo,
  BackupKind,
  BackupSettings,
  BranchTrend,
  CaseVocabulary,
  DatabaseAccess,
  DeviceInfo,
  DryRun,
  EndMatchInput,
  ErasureReport,
  ExportedPerson,
  Field,
  HourEntry,
  HourEntryInput,
  ImportKind,
  ImportProgress,
  JoinProgress,
  Involvement,
  InvolvementInput,
  Match,
  MatchDetail,
  MatchInput,
  MappingInput,
  MonthOverview,
  Municipality,
  NationalAccount,
  NationalBranch,
  NationalReportRequest,
  Participant,
  ParticipantDetail,
  ParticipantInput,
  ParticipantRow,
  PrivacySettings,
  Programme,
  ProgrammeInput,
  PublishedMonth,
  PublishingStatus,
  Referral,
  ReferralInput,
  RefusalCode,
  ReportInput,
  ReportPreview,
  ReportSettings,
  ReportSettingsInput,
  RetentionRow,
  RowProblem,
  SharingStatus,
  SignalActionInput,
  SignalDetail,
  SignalEvent,
  SignalStatus,
  SignalView,
  SheetPreview,
  Severity,
  Finding,
  FindingKind,
  Goal,
  GoalResult,
  Story,
  StoryInput,
  Subsidy,
  SubsidyInput,
  RuleId,
  StrainBand,
  SupportInput,
  SupportSettings,
  SupportSettingsInput,
  SyncProblem,
  SyncReport,
  TargetField,
  ThresholdInput,
  ThresholdKey,
  ThresholdView,
  TwoVersionsItem,
  VolunteerChoice,
  VolunteerDetail,
  VolunteerLoad,
  VolunteerRow,
  VolunteerSupport,
  WeekGrid,
} from '../api/bindings';
import { caseLevel } from '../features/cases/level';
import { daysInMonth, parseDate } from '../features/reports/period';
import { addDays, formatCount, formatEuro, formatHours, formatPercent, isoWeek } from '../format';

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
  { id: 'p-admin', name: 'Thuisadministratie', description: 'Hulp bij de thuisadministratie.', maxMonths: 12, active: true, requiredTraining: null },
  { id: 'p-buddy', name: 'Maatje', description: null, maxMonths: 24, active: true, requiredTraining: null },
  { id: 'p-old', name: 'Oud project', description: null, maxMonths: null, active: false, requiredTraining: null },
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
    stoppedOn: null,
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

/**
 * Anna's last 53 weeks (week 48 of 2024 through this week, 48 of 2025): hours going round 2, 3, 4,
 * 5 and 6 (so week 50 of 2024, the third, is exactly the agreed 4 hours), 1 hour so far this week;
 * no matches at first, then one normal, then an acute one, then a complex one.
 */
export const LOAD: VolunteerLoad = {
  agreedMinutesPerWeek: 240,
  weeks: Array.from({ length: 53 }, (_, i) => {
    const weekStart = addDays('2024-11-25', 7 * i);
    return {
      weekStart,
      weekNumber: isoWeek(weekStart),
      minutes: i === 52 ? 60 : [120, 180, 240, 300, 360][i % 5]!,
      caseloadWeight: i < 13 ? 0 : i < 30 ? 1 : i < 45 ? 3 : 2,
    };
  }),
};

/**
 * Five years of the branch. 2021 is the year the records start and 2025 is still running, so the
 * whole years are 2022 to 2024: 5,000 hours growing to 9,250 (85 %), complex 12.5 % to 24.5 %.
 */
export const TREND: BranchTrend = {
  years: [
    { year: 2021, volunteersWithHours: 40, minutes: 90_000n, trainingMinutes: 3_000n, matches: 30, complexPercent: 10, acutePercent: 3.3, volunteerLevelMinutes: 80_000n, greyMinutes: 8_000n, professionalMinutes: 2_000n },
    { year: 2022, volunteersWithHours: 95, minutes: 300_000n, trainingMinutes: 9_000n, matches: 80, complexPercent: 12.5, acutePercent: 2.5, volunteerLevelMinutes: 270_000n, greyMinutes: 24_000n, professionalMinutes: 6_000n },
    { year: 2023, volunteersWithHours: 110, minutes: 390_000n, trainingMinutes: 10_800n, matches: 96, complexPercent: 18.75, acutePercent: 4.2, volunteerLevelMinutes: 340_000n, greyMinutes: 39_000n, professionalMinutes: 11_000n },
    { year: 2024, volunteersWithHours: 130, minutes: 555_000n, trainingMinutes: 12_000n, matches: 110, complexPercent: 24.5, acutePercent: 5.5, volunteerLevelMinutes: 470_000n, greyMinutes: 66_000n, professionalMinutes: 19_000n },
    { year: 2025, volunteersWithHours: 120, minutes: 480_000n, trainingMinutes: 11_400n, matches: 104, complexPercent: 26, acutePercent: 6.7, volunteerLevelMinutes: 400_000n, greyMinutes: 60_000n, professionalMinutes: 20_000n },
  ],
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
    minutes: minutesOf(input.duration),
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

/** A duration as the backend reads the common forms: `1,5`, `1.5`, `1:30`, `90m`; NaN otherwise. */
export function minutesOf(typed: string): number {
  const text = typed.trim();
  if (text === '') return 0;
  const clock = /^(\d+):(\d\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  if (text.endsWith('m')) return Number(text.slice(0, -1));
  return Math.round(Number(text.replace(',', '.')) * 60);
}

/**
 * Hours kept per backend, as the store keeps them: entries per volunteer and day, so that the
 * week grid's totals, a lower day's list and undo behave as in the app. Starts with WEEK's one hour.
 */
function hourCommands(): Pick<Backend, 'logHours' | 'deleteHourEntry' | 'weekGrid' | 'setDayHours'> {
  let next = 1;
  const entries: HourEntry[] = [
    entryFor({ ...hoursInputFor('v-anna', '2025-11-24', '1', 'p-admin'), note: '' }, 'e-0'),
  ];
  const add = (input: HourEntryInput): HourEntry => {
    const entry = entryFor(input, `e-${next++}`);
    entries.push(entry);
    return entry;
  };
  const onDay = (volunteerId: string, date: string) => entries.filter((e) => e.volunteerId === volunteerId && e.date === date);
  const total = (list: HourEntry[]) => list.reduce((sum, e) => sum + e.minutes, 0);
  return {
    logHours: async (input) => add(input),
    deleteHourEntry: async (id) => {
      const at = entries.findIndex((e) => e.id === id);
      if (at >= 0) entries.splice(at, 1);
      return null;
    },
    weekGrid: async () => {
      const week = structuredClone(WEEK);
      for (const row of week.rows) row.minutes = week.days.map((date) => total(onDay(row.volunteerId, date)));
      return week;
    },
    setDayHours: async (input) => {
      const wanted = minutesOf(input.total);
      if (Number.isNaN(wanted)) {
        throw refusal({ field: 'duration', reason: 'invalid_format', message: `'${input.total}' is geen duur. Schrijf uren als 1,5 of 1:30, of minuten als 90m.` });
      }
      const day = onDay(input.volunteerId, input.date);
      const logged = total(day);
      if (wanted === logged) return { outcome: 'unchanged' };
      if (wanted < logged) return { outcome: 'lower', entries: day, wanted };
      const entry = add({
        ...hoursInputFor(input.volunteerId, input.date, `${wanted - logged}m`, input.programmeId ?? ''),
        kind: input.kind,
      });
      return { outcome: 'added', entry };
    },
  };
}

function hoursInputFor(volunteerId: string, date: string, duration: string, programmeId: string): HourEntryInput {
  return { volunteerId, date, duration, programmeId, kind: 'support', note: '', matchId: null, activityId: null, confirmDuplicate: false };
}

/** A date as the backend answers it: `24-11-2025` becomes `2025-11-24`; empty stays empty. */
export function iso(typed: string): string {
  return typed.trim().replace(/^(\d\d)-(\d\d)-(\d{4})$/, '$3-$2-$1');
}

export const PARTICIPANT_ROWS: ParticipantRow[] = [
  {
    id: 'd-017',
    label: 'D-017',
    activeMatches: 1,
    level: 'complex',
    programmes: [{ id: 'p-admin', name: 'Thuisadministratie' }],
    volunteers: [{ id: 'v-anna', name: 'Anna de Vries', withoutRoom: null, withoutRoomEn: null }],
    lastMatch: null,
    registered: '2025-01-15',
  },
  {
    id: 'd-020',
    label: 'Fatima',
    activeMatches: 2,
    level: 'acute',
    programmes: [
      { id: 'p-buddy', name: 'Maatje' },
      { id: 'p-admin', name: 'Thuisadministratie' },
    ],
    volunteers: [
      { id: 'v-anna', name: 'Anna de Vries', withoutRoom: null, withoutRoomEn: null },
      { id: 'v-bram', name: 'Bram Jansen', withoutRoom: null, withoutRoomEn: null },
    ],
    lastMatch: null,
    registered: '2025-03-02',
  },
  {
    id: 'd-031',
    label: 'D-031',
    activeMatches: 0,
    level: null,
    programmes: [],
    volunteers: [],
    lastMatch: { programmeName: 'Maatje', endDate: '2025-06-30' },
    registered: '2024-09-10',
  },
];

export const PARTICIPANT: Participant = {
  id: 'd-017',
  label: 'D-017',
  contact: null,
  consentDate: '2025-01-15',
  consentBy: 'Marieke',
  consentScope: 'gegevens voor de koppeling',
  municipalityId: 'g-zeist',
  municipalityName: 'Zeist',
};

export const MATCH: Match = {
  id: 'm-1',
  participantId: 'd-017',
  participantLabel: 'D-017',
  programmeId: 'p-admin',
  programmeName: 'Thuisadministratie',
  volunteers: [{ id: 'v-anna', name: 'Anna de Vries', withoutRoom: null, withoutRoomEn: null }],
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

/**
 * The programmes' goals in their order: Thuisadministratie's three defaults and one retired (no
 * longer offered for new matches), Maatje's two; the old programme has none.
 */
export const GOALS: Goal[] = [
  { id: 'goal-papers', programmeId: 'p-admin', name: 'Administratie op orde', active: true },
  { id: 'goal-debts', programmeId: 'p-admin', name: 'Schulden in beeld', active: true },
  { id: 'goal-post', programmeId: 'p-admin', name: 'Zelf de post bijhouden', active: true },
  { id: 'goal-forms', programmeId: 'p-admin', name: 'Formulieren zelf invullen', active: false },
  { id: 'goal-lonely', programmeId: 'p-buddy', name: 'Minder eenzaam', active: true },
  { id: 'goal-neighbourhood', programmeId: 'p-buddy', name: 'Weer meedoen in de buurt', active: true },
];

/** The running match works towards two of Thuisadministratie's goals, neither with a result yet. */
export const MATCH_DETAIL: MatchDetail = {
  match: MATCH,
  assessments: ASSESSMENTS,
  professionals: [],
  referrals: [],
  goals: [
    { id: 'goal-papers', name: 'Administratie op orde', result: null },
    { id: 'goal-debts', name: 'Schulden in beeld', result: null },
  ],
};

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
    volunteers: input.volunteerIds.map((v) => ({ id: v, name: ROWS.find((r) => r.id === v)?.name ?? '?', withoutRoom: null, withoutRoomEn: null })),
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
  { volunteerId: 'v-anna', volunteerName: 'Anna de Vries', severity: 'alert', signals: [SIGNAL, CASE_SIGNAL], newSignals: [] },
  { volunteerId: 'v-bram', volunteerName: 'Bram Jansen', severity: 'warning', signals: [GREY_SIGNAL], newSignals: [] },
  { volunteerId: 'v-carla', volunteerName: 'Carla Bakker', severity: 'info', signals: [QUIET_SIGNAL], newSignals: [] },
];

/** What to do about each rule, as core's `RuleId::action` says. */
const ACTION_OF: Record<RuleId, ActionGroup> = {
  hours_over_agreement: 'talk',
  frontline_load: 'talk',
  complex_without_professional: 'refer',
  acute_case: 'refer',
  professional_task: 'refer',
  grey_zone_drift: 'talk',
  weighted_caseload: 'talk',
  rising_load: 'talk',
  trajectory_too_long: 'talk',
  no_supervision: 'talk',
  strain_check_in: 'talk',
  credential_expired: 'papers',
  allowance_over_cap: 'papers',
  gone_quiet: 'talk',
};

const SEVERITY_ORDER: Severity[] = ['info', 'warning', 'alert'];

/** The grouped list the backend makes of these rows; `newIds` opened since the last look. */
export function overviewOf(rows: AttentionRow[], newIds: string[] = [], lookedBefore: string | null = null): AttentionOverview {
  const groups = (['refer', 'talk', 'papers'] as ActionGroup[]).map((group) => {
    const inGroup = rows.flatMap((row) => {
      const signals = row.signals.filter((s) => ACTION_OF[s.rule] === group);
      if (signals.length === 0) return [];
      const severity = signals.map((s) => s.severity).sort((a, b) => SEVERITY_ORDER.indexOf(b) - SEVERITY_ORDER.indexOf(a))[0]!;
      return [{ ...row, severity, signals, newSignals: signals.map((s) => s.id).filter((id) => newIds.includes(id)) }];
    });
    return { group, rows: inGroup, newCount: inGroup.reduce((n, r) => n + r.newSignals.length, 0) };
  });
  return { groups, lookedBefore };
}

/** The sociale kaart: the debt help and the district team. */
export const ORGANISATIONS: Organisation[] = [
  {
    id: 'o-debt',
    name: 'Schuldhulp Noord',
    what: 'Schuldhulp, gratis',
    kinds: ['debt_help'],
    domains: ['money'],
    contact: '010-1234567',
    openingHours: 'ma–vr 9–17',
    notes: null,
  },
  { id: 'o-team', name: 'Wijkteam Noord', what: null, kinds: ['wijkteam'], domains: [], contact: 'wijkteam@example.nl', openingHours: null, notes: null },
];

/** The branch's municipalities by name: two participants live in Zeist, which has the Wmo subsidy. */
export const MUNICIPALITIES: Municipality[] = [
  { id: 'g-bilt', name: 'De Bilt', participants: 0, subsidies: 0 },
  { id: 'g-zeist', name: 'Zeist', participants: 2, subsidies: 1 },
];

/** The subsidies, the latest period first: Zeist's Wmo money, and a foundation's for no municipality. */
export const SUBSIDIES: Subsidy[] = [
  {
    id: 'sub-wmo',
    name: 'Wmo 2025',
    funder: 'Gemeente Zeist',
    municipalityId: 'g-zeist',
    municipalityName: 'Zeist',
    firstDay: '2025-01-01',
    lastDay: '2025-12-31',
    programmeIds: ['p-admin', 'p-buddy'],
    amountCents: 1_250_000n,
  },
  {
    id: 'sub-fund',
    name: 'Maatjes 2024',
    funder: 'Oranje Fonds',
    municipalityId: null,
    municipalityName: null,
    firstDay: '2024-03-01',
    lastDay: '2025-02-28',
    programmeIds: ['p-buddy'],
    amountCents: 500_000n,
  },
];

/** A refusal of one field, for the `also` of a form's refusal. */
function fieldRefusal(field: Field, reason: RefusalCode, message: string, messageEn: string) {
  return { field, reason, message, messageEn };
}

/**
 * What `save_subsidy` answers for `input`: the subsidy as stored, or every refused field at once
 * (the first as the refusal, the others in `also`), as the backend does.
 */
export function subsidyFor(id: string, input: SubsidyInput, municipalities: Municipality[]): Subsidy {
  const refused: ReturnType<typeof fieldRefusal>[] = [];
  if (input.name.trim() === '') refused.push(fieldRefusal('name', 'required', 'Vul de naam van de subsidie in.', 'Please fill in the name of the subsidy.'));
  if (input.funder.trim() === '') refused.push(fieldRefusal('funder', 'required', 'Vul in wie de subsidie geeft.', 'Please fill in who gives the subsidy.'));
  const municipality = municipalities.find((m) => m.id === input.municipalityId) ?? null;
  if (input.municipalityId !== null && municipality === null) {
    refused.push(fieldRefusal('municipality', 'unknown', 'Deze gemeente bestaat niet meer.', 'This municipality no longer exists.'));
  }
  const from = parseDate(input.from);
  const to = parseDate(input.to);
  if (from === null) refused.push(fieldRefusal('from', 'invalid_format', `'${input.from}' is geen datum. Schrijf bijvoorbeeld 1-1-2025.`, `'${input.from}' is not a date. Write for example 1-1-2025.`));
  if (to === null) refused.push(fieldRefusal('to', 'invalid_format', `'${input.to}' is geen datum. Schrijf bijvoorbeeld 31-12-2025.`, `'${input.to}' is not a date. Write for example 31-12-2025.`));
  else if (from !== null && to < from) refused.push(fieldRefusal('to', 'invalid_format', 'De einddatum ligt vóór de begindatum.', 'The last day is before the first.'));
  if (input.programmeIds.length === 0) refused.push(fieldRefusal('programmes', 'required', 'Kies minstens één project.', 'Please choose at least one programme.'));
  const euros = Number(euroText(input.amount));
  if (input.amount.trim() === '' || !Number.isFinite(euros) || euros <= 0) {
    refused.push(fieldRefusal('amount', 'invalid_format', `'${input.amount.trim()}' is geen bedrag. Schrijf bijvoorbeeld 12.500.`, `'${input.amount.trim()}' is not an amount. Write for example 12,500.`));
  }
  const [first, ...also] = refused;
  if (first) throw refusal({ ...first, ...(also.length > 0 ? { also } : {}) });
  return {
    id,
    name: input.name.trim(),
    funder: input.funder.trim(),
    municipalityId: municipality?.id ?? null,
    municipalityName: municipality?.name ?? null,
    firstDay: from!,
    lastDay: to!,
    programmeIds: [...input.programmeIds],
    amountCents: BigInt(Math.round(euros * 100)),
  };
}

/**
 * The goal commands and the match they are chosen for, the goals kept per backend: a goal added or
 * changed shows in the next list, a name the programme has already is refused at `name`, and a
 * new match with a goal of another programme is refused at `goals`, as the backend does.
 */
function goalCommands() {
  let goals = structuredClone(GOALS);
  let added = 0;
  const of = (programmeId: string) => structuredClone(goals.filter((g) => g.programmeId === programmeId));
  return {
    goals: async (programmeId) => of(programmeId),
    saveGoal: async (programmeId, id, input) => {
      const name = input.name.trim();
      if (name === '') throw refusal({ field: 'name', reason: 'required', message: 'Vul de naam van het doel in.', messageEn: "Please fill in the goal's name." });
      if (goals.some((g) => g.programmeId === programmeId && g.id !== id && g.name.toLowerCase() === name.toLowerCase())) {
        throw refusal({
          field: 'name',
          reason: 'not_allowed',
          message: `Dit project heeft het doel '${name}' al.`,
          messageEn: `This programme has the goal '${name}' already.`,
        });
      }
      if (id === null) goals = [...goals, { id: `goal-new-${++added}`, programmeId, name, active: input.active }];
      else goals = goals.map((g) => (g.id === id ? { ...g, name, active: input.active } : g));
      return of(programmeId);
    },
    createMatch: async (input) => {
      const offered = goals.filter((g) => g.programmeId === input.programmeId).map((g) => g.id);
      if (input.goalIds.some((id) => !offered.includes(id))) {
        throw refusal({
          field: 'goals',
          reason: 'unknown',
          message: 'Een van de gekozen doelen hoort niet (meer) bij dit project.',
          messageEn: 'One of the chosen goals does not belong to this programme (any more).',
        });
      }
      return matchFor(input);
    },
  } satisfies Partial<Backend>;
}

/**
 * What `end_match` answers for the match of MATCH_DETAIL: ended, each goal with its result; a goal
 * left without one is refused at `goals`, naming it, as the backend does.
 */
export function endedWith(input: EndMatchInput): MatchDetail {
  const detail = structuredClone(MATCH_DETAIL);
  const resultOf = (goalId: string): GoalResult | undefined => input.results.find((r) => r.goalId === goalId)?.result;
  const open = detail.goals.find((g) => resultOf(g.id) === undefined);
  if (open) {
    throw refusal({
      field: 'goals',
      reason: 'required',
      message: `Kies voor elk doel of het bereikt is; '${open.name}' heeft nog geen uitkomst.`,
      messageEn: `Choose for each goal whether it was reached; '${open.name}' has no result yet.`,
    });
  }
  detail.goals = detail.goals.map((g) => ({ ...g, result: resultOf(g.id) ?? null }));
  detail.match = { ...detail.match, status: 'ended', endDate: iso(input.endDate), endReason: input.reason };
  return detail;
}

/**
 * The municipality and subsidy commands, their lists kept per backend: a municipality added shows
 * in the next list, a duplicate name is refused at `name`, a municipality with participants or
 * subsidies is not removed (field `municipality`), and the counts follow the subsidies.
 */
function fundingCommands() {
  let municipalities = structuredClone(MUNICIPALITIES);
  let subsidies = structuredClone(SUBSIDIES);
  let added = 0;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
  const latestFirst = (a: Subsidy, b: Subsidy) => b.firstDay.localeCompare(a.firstDay) || byName(a, b);
  const counted = () => {
    municipalities = municipalities.map((m) => ({ ...m, subsidies: subsidies.filter((s) => s.municipalityId === m.id).length }));
  };
  return {
    municipalities: async () => structuredClone(municipalities),
    saveMunicipality: async (id, name) => {
      const typed = name.trim();
      if (typed === '') throw refusal({ field: 'name', reason: 'required', message: 'Vul de naam van de gemeente in.', messageEn: 'Please fill in the name of the municipality.' });
      if (municipalities.some((m) => m.id !== id && m.name.toLowerCase() === typed.toLowerCase())) {
        throw refusal({
          field: 'name',
          reason: 'not_allowed',
          message: `Er is al een gemeente ${typed}. Kies een andere naam.`,
          messageEn: `There is already a municipality ${typed}. Please choose another name.`,
        });
      }
      if (id === null) {
        municipalities = [...municipalities, { id: `g-new-${++added}`, name: typed, participants: 0, subsidies: 0 }];
      } else {
        municipalities = municipalities.map((m) => (m.id === id ? { ...m, name: typed } : m));
        subsidies = subsidies.map((s) => (s.municipalityId === id ? { ...s, municipalityName: typed } : s));
      }
      municipalities.sort(byName);
      return structuredClone(municipalities);
    },
    removeMunicipality: async (id) => {
      const municipality = municipalities.find((m) => m.id === id);
      if (municipality && (municipality.participants > 0 || municipality.subsidies > 0)) {
        throw refusal({
          field: 'municipality',
          reason: 'not_allowed',
          message: `Je kunt ${municipality.name} niet verwijderen: er wonen deelnemers of er is een subsidie voor deze gemeente.`,
          messageEn: `You cannot remove ${municipality.name}: participants live there or a subsidy is for it.`,
        });
      }
      municipalities = municipalities.filter((m) => m.id !== id);
      return structuredClone(municipalities);
    },
    subsidies: async () => structuredClone(subsidies),
    saveSubsidy: async (id, input) => {
      const saved = subsidyFor(id ?? `sub-new-${++added}`, input, municipalities);
      subsidies = [...subsidies.filter((s) => s.id !== saved.id), saved].sort(latestFirst);
      counted();
      return structuredClone(subsidies);
    },
    removeSubsidy: async (id) => {
      subsidies = subsidies.filter((s) => s.id !== id);
      counted();
      return structuredClone(subsidies);
    },
  } satisfies Partial<Backend>;
}

/** The names the fake's check knows, as the backend knows the volunteers' names and the participants' labels. */
const KNOWN_NAMES = ['Anna de Vries', 'Bram Jansen', 'Ria', 'D-017'];

/** The byte offsets in UTF-8, as the backend counts them, of `text` from UTF-16 index `from` to `to`. */
function byteSpan(text: string, from: number, to: number): { start: number; end: number } {
  const bytes = (part: string) => new TextEncoder().encode(part).length;
  return { start: bytes(text.slice(0, from)), end: bytes(text.slice(0, to)) };
}

/**
 * What the fake finds in `text` that points at a person, in the order it appears, each with its
 * UTF-8 byte offsets as the backend gives them: a known name, an e-mail address, a phone number.
 */
export function storyFindings(text: string): Finding[] {
  const found: { kind: FindingKind; at: number; end: number }[] = [];
  const mark = (kind: FindingKind, pattern: RegExp) => {
    for (const m of text.matchAll(pattern)) {
      const at = m.index;
      const end = at + m[0].length;
      if (!found.some((f) => f.at < end && at < f.end)) found.push({ kind, at, end });
    }
  };
  mark('email', /[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}/g);
  mark('phone', /(?<![\p{L}\d])0\d(?:[ -]?\d){8}(?!\d)/gu);
  for (const name of KNOWN_NAMES) mark('name', new RegExp(`(?<![\\p{L}\\d])${name}(?![\\p{L}\\d])`, 'giu'));
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ kind, at, end }) => ({ kind, found: text.slice(at, end), ...byteSpan(text, at, end) }));
}

/** A story with what the fake finds in it: the title's findings first, then the text's. */
function storyOf(id: string, title: string, text: string, firstDay: string, lastDay: string, inReport: boolean): Story {
  return { id, title, text, firstDay, lastDay, inReport, findings: [...storyFindings(title), ...storyFindings(text)] };
}

/**
 * The stories, the latest period first: one that still points at a person (a name and a phone
 * number, after a word with two-byte letters, so their byte offsets are not the string's
 * indices), and a clean one chosen for reports.
 */
export const STORIES: Story[] = [
  storyOf('st-phone', 'Samen bellen', 'Één keer belde Ria 06-12345678 om te zeggen dat het goed ging.', '2025-07-01', '2025-12-31', false),
  storyOf(
    'st-post',
    'Weer grip op de post',
    'Een vrijwilliger hielp een gezin de post te ordenen. Na drie maanden lagen er geen aanmaningen meer.',
    '2025-01-01',
    '2025-06-30',
    true,
  ),
];

/** How the backend names a finding's kind in a refusal: Dutch, English. */
const FINDING_WHAT: Record<FindingKind, [string, string]> = {
  name: ['een naam uit de gegevens', 'a name from the records'],
  email: ['een e-mailadres', 'an e-mail address'],
  phone: ['een telefoonnummer', 'a phone number'],
  address: ['een adres of postcode', 'an address or postcode'],
  birth_date: ['een geboortedatum', 'a date of birth'],
};

/** What `choose_story` answers when `story` still points at a person: a refusal naming each finding. */
export function chooseRefusal(story: Story): ApiError {
  const list = (language: 0 | 1) => story.findings.map((f) => `'${f.found}' (${FINDING_WHAT[f.kind][language]})`).join(', ');
  return refusal({
    field: 'note',
    reason: 'not_allowed',
    message: `Dit verhaal kan nog niet in een rapport: haal eerst weg wat naar een persoon wijst: ${list(0)}.`,
    messageEn: `This story cannot go into a report yet: first take out what points at a person: ${list(1)}.`,
  });
}

/**
 * What `save_story` answers for `input`: the story as stored, with what the fake finds in it, or
 * every refused field at once (title at `name`, text at `note`). A changed text leaves the reports
 * until the story is chosen again.
 */
export function storyFor(id: string, input: StoryInput, before: Story | null): Story {
  const refused: ReturnType<typeof fieldRefusal>[] = [];
  const title = input.title.trim();
  const text = input.text.trim();
  if (title === '') refused.push(fieldRefusal('name', 'required', 'Vul een titel in.', 'Please fill in a title.'));
  if (text === '') refused.push(fieldRefusal('note', 'required', 'Vul het verhaal in.', 'Please fill in the story.'));
  else if ([...text].length > 3000) refused.push(fieldRefusal('note', 'too_long', 'Het verhaal is te lang: hooguit 3.000 tekens.', 'The story is too long: 3,000 characters at most.'));
  const from = parseDate(input.from);
  const to = parseDate(input.to);
  if (from === null) refused.push(fieldRefusal('from', 'invalid_format', `'${input.from}' is geen datum. Schrijf bijvoorbeeld 1-1-2025.`, `'${input.from}' is not a date. Write for example 1-1-2025.`));
  if (to === null) refused.push(fieldRefusal('to', 'invalid_format', `'${input.to}' is geen datum. Schrijf bijvoorbeeld 31-12-2025.`, `'${input.to}' is not a date. Write for example 31-12-2025.`));
  else if (from !== null && to < from) refused.push(fieldRefusal('to', 'invalid_format', 'De einddatum ligt vóór de begindatum.', 'The last day is before the first day.'));
  const [first, ...also] = refused;
  if (first) throw refusal({ ...first, ...(also.length > 0 ? { also } : {}) });
  return storyOf(id, title, text, from!, to!, before !== null && before.text === text && before.inReport);
}

/**
 * The story commands, their list kept per backend: a story saved shows in the next list with what
 * in it points at a person, choosing one that does is refused with each finding named, and
 * removing takes it out.
 */
function storyCommands() {
  let stories = structuredClone(STORIES);
  let added = 0;
  const latestFirst = (a: Story, b: Story) => b.lastDay.localeCompare(a.lastDay) || a.title.localeCompare(b.title, 'nl');
  const notFound = () => refusal({ code: 'not_found', message: 'Dit verhaal bestaat niet meer.', messageEn: 'This story no longer exists.', reason: null });
  return {
    stories: async () => structuredClone(stories),
    saveStory: async (id, input) => {
      const before = id === null ? null : (stories.find((s) => s.id === id) ?? null);
      if (id !== null && before === null) throw notFound();
      const saved = storyFor(id ?? `st-new-${++added}`, input, before);
      stories = [...stories.filter((s) => s.id !== saved.id), saved].sort(latestFirst);
      return structuredClone(stories);
    },
    chooseStory: async (id, inReport) => {
      const story = stories.find((s) => s.id === id);
      if (!story) throw notFound();
      if (inReport && story.findings.length > 0) throw chooseRefusal(story);
      stories = stories.map((s) => (s.id === id ? { ...s, inReport } : s));
      return structuredClone(stories);
    },
    removeStory: async (id) => {
      if (!stories.some((s) => s.id === id)) throw notFound();
      stories = stories.filter((s) => s.id !== id);
      return structuredClone(stories);
    },
  } satisfies Partial<Backend>;
}

/** Two rules' guides as the backend gives them by default. */
export const RULE_GUIDES: RuleGuide[] = [
  {
    rule: 'hours_over_agreement',
    guide: {
      why: 'Meer uren dan afgesproken is vaak het eerste teken dat iemand te veel op zich neemt.',
      whyEn: 'More hours than agreed is often the first sign that someone is taking on too much.',
      questions: ['Hoe komt het dat het meer uren zijn geworden?', 'Voelt het nog goed?'],
      questionsEn: ['How did it become more hours?', 'Does it still feel right?'],
      professional: 'Als de uren komen door taken die bij een professional horen.',
      professionalEn: 'When the hours come from tasks that belong with a professional.',
      agreements: ['hours_reduced', 'conversation'],
      edited: false,
    },
  },
  {
    rule: 'gone_quiet',
    guide: {
      why: 'Stil worden kan betekenen dat het goed gaat.',
      whyEn: 'Going quiet can mean all is well.',
      questions: ['Hoe gaat het met de koppeling?'],
      questionsEn: ['How is the match going?'],
      professional: 'Als de deelnemer zonder hulp lijkt te zitten.',
      professionalEn: 'When the participant seems to be left without help.',
      agreements: ['conversation'],
      edited: false,
    },
  },
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
  guide: {
    why: 'Meer uren dan afgesproken is vaak het eerste teken dat iemand te veel op zich neemt.',
    whyEn: 'More hours than agreed is often the first sign that someone is taking on too much.',
    questions: ['Hoe komt het dat het meer uren zijn geworden?', 'Voelt het nog goed, of wordt het te veel?', 'Wat zou je willen laten vallen of delen?'],
    questionsEn: ['How did it become more hours?', 'Does it still feel right, or is it getting too much?', 'What would you like to drop or share?'],
    professional: 'Als de uren komen door taken die bij een professional horen.',
    professionalEn: 'When the hours come from tasks that belong with a professional.',
    agreements: ['hours_reduced', 'second_volunteer', 'break', 'conversation'],
    edited: false,
  },
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

/** The twelve check-in statements, in order, as the backend sends them. */
export const STATEMENTS = [
  ['Ik denk vaak aan mijn deelnemer als ik vrij ben.', 'I often think about my participant in my own time.'],
  ['Ik slaap slechter door dit vrijwilligerswerk.', 'I sleep worse because of this volunteer work.'],
  ['Ik heb het gevoel dat ik tekortschiet.', 'I feel I am falling short.'],
  ['Ik doe dingen waar ik eigenlijk niet voor ben opgeleid.', 'I do things I was not really trained for.'],
  ['Ik kan moeilijk nee zeggen tegen wat er gevraagd wordt.', 'I find it hard to say no to what is asked.'],
  ['Ik heb minder tijd voor mijn eigen familie en vrienden.', 'I have less time for my own family and friends.'],
  ['Ik voel me verantwoordelijk voor problemen die niet van mij zijn.', 'I feel responsible for problems that are not mine.'],
  ['Ik zie tegen het volgende bezoek op.', 'I dread the next visit.'],
  ['Ik maak me zorgen over de veiligheid van mijn deelnemer.', "I worry about my participant's safety."],
  ['Ik ben vaker moe dan vroeger.', 'I am tired more often than before.'],
  ['Ik heb het gevoel dat ik er alleen voor sta.', 'I feel I am on my own with it.'],
  ['Ik overweeg om te stoppen.', 'I am thinking of stopping.'],
].map(([nl, en]) => ({ nl: nl!, en: en! }));

/** As the backend bands a check-in: 0–4 yes low, 5–7 middle, 8 or more high. */
export function bandOf(yes: number): StrainBand {
  return yes <= 4 ? 'low' : yes <= 7 ? 'middle' : 'high';
}

/**
 * Anna's support: a VOG that expired on 01-10-2025 (three years), her programme's required training
 * still missing, intervision in October, two check-ins and three months of allowance.
 */
export const SUPPORT: VolunteerSupport = {
  volunteerId: 'v-anna',
  vogDate: '2022-10-01',
  vogExpires: '2025-10-01',
  trainings: [{ name: 'Basistraining', date: '2024-03-15' }],
  requiredTrainings: [{ programmeId: 'p-admin', programmeName: 'Thuisadministratie', training: 'Omgaan met schulden', done: false }],
  supervision: [
    { date: '2025-10-14', kind: 'intervision', note: 'Groep Noord' },
    { date: '2025-06-03', kind: 'supervision', note: null },
  ],
  checkIns: [
    {
      date: '2025-09-10',
      answers: [true, true, false, true, true, false, true, false, false, true, false, false],
      yes: 6,
      band: 'middle',
      note: 'Afgesproken: minder dossiers.',
    },
    {
      date: '2025-03-01',
      answers: [true, false, false, false, false, false, false, false, false, true, false, false],
      yes: 2,
      band: 'low',
      note: null,
    },
  ],
  allowances: [
    { month: '2025-11-01', cents: 10550 },
    { month: '2025-10-01', cents: 21000 },
    { month: '2024-12-01', cents: 5000 },
  ],
  statements: STATEMENTS,
};

/** What the backend answers to one change of `support`, or its refusals (the common ones). */
export function supportAfter(support: VolunteerSupport, input: SupportInput): VolunteerSupport {
  const next = structuredClone(support);
  const required = (field: ApiError['field'], text: string) => {
    if (text.trim() === '') throw refusal({ field, reason: 'required', message: 'Vul dit in.', messageEn: 'Please fill this in.' });
  };
  switch (input.type) {
    case 'vog': {
      const date = iso(input.date);
      next.vogDate = date || null;
      next.vogExpires = date ? `${Number(date.slice(0, 4)) + 3}${date.slice(4)}` : null;
      break;
    }
    case 'training':
      required('name', input.name);
      required('date', input.date);
      next.trainings.push({ name: input.name.trim(), date: iso(input.date) });
      for (const r of next.requiredTrainings) {
        if (r.training.toLowerCase() === input.name.trim().toLowerCase()) r.done = true;
      }
      break;
    case 'supervision':
      required('date', input.date);
      next.supervision.unshift({ date: iso(input.date), kind: input.kind, note: input.note.trim() || null });
      break;
    case 'checkIn': {
      if (input.answers.length !== STATEMENTS.length) {
        throw refusal({
          field: 'answers',
          reason: 'invalid_format',
          message: 'Beantwoord alle 12 uitspraken met ja of nee.',
          messageEn: 'Answer all 12 statements with yes or no.',
        });
      }
      const yes = input.answers.filter(Boolean).length;
      next.checkIns.unshift({ date: iso(input.date) || TODAY, answers: [...input.answers], yes, band: bandOf(yes), note: input.note.trim() || null });
      break;
    }
    case 'allowance': {
      const month = input.month.trim().match(/^(\d\d)-(\d{4})$/);
      if (!month) {
        throw refusal({
          field: 'month',
          message: `'${input.month.trim()}' is geen maand. Schrijf bijvoorbeeld 03-2025.`,
          messageEn: `'${input.month.trim()}' is not a month. Write for example 03-2025.`,
        });
      }
      const cents = Math.round(Number(euroText(input.amount)) * 100);
      if (!Number.isFinite(cents) || input.amount.trim() === '') {
        throw refusal({
          field: 'amount',
          message: `'${input.amount.trim()}' is geen bedrag. Schrijf bijvoorbeeld 105,50.`,
          messageEn: `'${input.amount.trim()}' is not an amount. Write for example 105.50.`,
        });
      }
      const first = `${month[2]}-${month[1]}-01`;
      next.allowances = [...next.allowances.filter((a) => a.month !== first), { month: first, cents }].sort((a, b) => b.month.localeCompare(a.month));
      break;
    }
  }
  return next;
}

const DOMAIN_SOURCE = ['Standaard van Draagkracht (DOMAIN.md), geen officiële norm.', "Draagkracht's default (DOMAIN.md), not an official norm."] as const;

/** Every threshold key with its labels and default, in the backend's order. */
const THRESHOLD_INFO: [ThresholdKey, string, string, number][] = [
  ['over_agreement_warning', "Meer uren dan afgesproken: 'let op' boven zoveel keer de afspraak (4 weken)", 'Hours over agreement: warning above this many times the agreement (4 weeks)', 1.5],
  ['over_agreement_alert', "Meer uren dan afgesproken: 'signaal' boven zoveel keer de afspraak", 'Hours over agreement: alert above this many times the agreement', 2],
  ['frontline_multiple', 'Zware frontlinie-inzet: boven zoveel keer de mediaan van het project', "Frontline load: above this many times the programme's median", 2],
  ['grey_zone_count', 'Vaak grijs gebied: vanaf zoveel keer in 4 weken', 'Grey-zone drift: from this many times in 4 weeks', 3],
  ['grey_zone_percent', 'Vaak grijs gebied: of vanaf dit deel van de uren (%)', 'Grey-zone drift: or from this share of the hours (%)', 25],
  ['caseload_weight', 'Veel zware koppelingen: boven dit gewicht (gewoon 1, complex 2, acuut 3)', 'Weighted caseload: above this weight (normal 1, complex 2, acute 3)', 4],
  ['rising_percent_per_month', 'Oplopende belasting: boven zoveel % groei per maand (12 weken)', 'Rising load: above this % growth per month (12 weeks)', 15],
  ['quiet_days', 'Stil geworden: zoveel dagen zonder uren', 'Gone quiet: this many days without hours', 30],
  ['supervision_weeks', 'Geen intervisie: na zoveel weken zonder intervisie of supervisie (rouw: 6)', 'No supervision: after this many weeks without intervision or supervision (grief: 6)', 12],
];

/** The thresholds of a programme; Maatje asks for intervision every 8 weeks instead of 12. */
export function thresholdsFor(programmeId: string, changes: Partial<Record<ThresholdKey, number>> = programmeId === 'p-buddy' ? { supervision_weeks: 8 } : {}): ThresholdView[] {
  return THRESHOLD_INFO.map(([key, label, labelEn, defaultValue]) => {
    const value = changes[key] ?? defaultValue;
    return {
      programmeId,
      key,
      label,
      labelEn,
      value,
      defaultValue,
      changed: value !== defaultValue,
      source: DOMAIN_SOURCE[0],
      sourceEn: DOMAIN_SOURCE[1],
    };
  });
}

/** What the backend answers to a threshold change: the programme's list with that one changed. */
export function thresholdsAfter(input: ThresholdInput): ThresholdView[] {
  const list = thresholdsFor(input.programmeId);
  const view = list.find((t) => t.key === input.key)!;
  const typed = input.value.trim();
  const value = typed === '' ? view.defaultValue : Number(typed.replace(',', '.'));
  if (!Number.isFinite(value)) {
    throw refusal({
      field: 'value',
      message: `'${typed}' is geen getal. Schrijf bijvoorbeeld 1,5.`,
      messageEn: `'${typed}' is not a number. Write for example 1.5.`,
    });
  }
  view.value = value;
  view.changed = value !== view.defaultValue;
  return list;
}

/**
 * An amount as typed, as the backend reads it (`euro_text`): Dutch `1.105,50` and `105,50`, or
 * `105.50` with a decimal point (one point followed by exactly two digits); other points separate
 * thousands. A leading `€` and spaces are left out.
 */
export function euroText(typed: string): string {
  const text = typed.trim().replace(/^€/, '').replace(/ /g, '');
  if (text.includes(',')) return text.replace(/\./g, '').replace(',', '.');
  return /^[^.]*\.\d\d$/.test(text) ? text : text.replace(/\./g, '');
}

const CAPS_2025 = { perHour21Plus: 560, perHourUnder21: 330, perMonth: 21000, perYear: 210000 };

export const SUPPORT_SETTINGS: SupportSettings = {
  vogYears: 3,
  defaultVogYears: 3,
  plausibleDayHours: 10,
  defaultPlausibleDayHours: 10,
  caps: { ...CAPS_2025 },
  defaultCaps: { ...CAPS_2025 },
  capsSource: 'Belastingdienst, vrijwilligersvergoeding 2025: € 5,60 per uur (21+), € 3,30 (jonger), € 210 per maand, € 2.100 per jaar.',
  capsSourceEn: 'Dutch tax authority, volunteer allowance 2025: €5.60 an hour (21+), €3.30 (younger), €210 a month, €2,100 a year.',
};

/** What the backend answers to new settings: years 1 to 10, amounts in euros as typed. */
export function settingsAfter(input: SupportSettingsInput): SupportSettings {
  const years = Number(input.vogYears.trim());
  if (!Number.isInteger(years) || years < 1 || years > 10) {
    throw refusal({ field: 'vogYears', reason: 'not_allowed', message: 'Kies 1 tot en met 10 jaar.', messageEn: 'Choose 1 to 10 years.' });
  }
  const cents = (field: 'perHour21Plus' | 'perHourUnder21' | 'perMonth' | 'perYear') => {
    const typed = input[field].trim();
    const value = Math.round(Number(euroText(typed)) * 100);
    if (typed === '' || !Number.isFinite(value)) {
      throw refusal({ field, message: `'${typed}' is geen bedrag. Schrijf bijvoorbeeld 105,50.`, messageEn: `'${typed}' is not an amount. Write for example 105.50.` });
    }
    return value;
  };
  const plausible = input.plausibleDayHours === undefined ? SUPPORT_SETTINGS.plausibleDayHours : Number(input.plausibleDayHours.trim());
  if (!Number.isInteger(plausible) || plausible < 4 || plausible > 24) {
    throw refusal({ field: 'plausibleDayHours', reason: 'not_allowed', message: `'${input.plausibleDayHours}': kies een heel aantal uren van 4 tot en met 24.` });
  }
  return {
    ...structuredClone(SUPPORT_SETTINGS),
    vogYears: years,
    plausibleDayHours: plausible,
    caps: { perHour21Plus: cents('perHour21Plus'), perHourUnder21: cents('perHourUnder21'), perMonth: cents('perMonth'), perYear: cents('perYear') },
  };
}

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

/** Today's passphrase in the fake, and the one from before the last change. */
export const PASSPHRASE = 'fiets lamp oktober wolk';
export const OLD_PASSPHRASE = 'oude zin van vorig jaar';

/** The recovery code the fake makes, as the backend shows it: five groups of four. */
export const RECOVERY_CODE = 'K7QF-3MZP-W8TD-A2XN-H6RB';

/**
 * A backup as the fake keeps it: what the list shows, the passphrase it was made under, and the
 * recovery code kept beside it (an encrypted backup made while a code existed); none if left out.
 */
export type FakeBackup = { info: BackupInfo; madeWith: string | null; codeWith?: string | null };

/**
 * The database behind the fake's safety commands: its state, passphrase and backups (newest first),
 * its recovery code (and the day it was made), and the second place backups are copied to, with
 * why the last copy failed.
 */
export type FakeVault = {
  state: AccessState;
  passphrase: string | null;
  recoveryCode: string | null;
  recoveryCodeMadeOn: string | null;
  backups: FakeBackup[];
  problem: ApiError | null;
  secondLocation: string | null;
  lastCopyProblem: string | null;
};

function backupOf(
  createdAt: string,
  kind: BackupKind,
  madeWith: string | null,
  sizeBytes = 1_258_291,
  codeWith: string | null = null,
): FakeBackup {
  const file = `draagkracht-${createdAt.replace(/:/g, '-')}-${kind}.sqlite`;
  return {
    info: { file, path: `/tmp/backups/${file}`, createdAt, kind, sizeBytes, encrypted: madeWith !== null },
    madeWith,
    codeWith: madeWith !== null ? codeWith : null,
  };
}

/**
 * This morning's daily backup, one from before last week's update (made under the old passphrase)
 * and one from before a restore in October, when there was no passphrase yet.
 */
export const BACKUPS: FakeBackup[] = [
  backupOf(`${TODAY}T09:02:00`, 'daily', PASSPHRASE),
  backupOf('2025-11-20T14:30:00', 'before_migration', OLD_PASSPHRASE, 1_153_434),
  backupOf('2025-10-01T10:00:00', 'before_restore', null, 524_288),
];

/**
 * An open database encrypted with `PASSPHRASE`, with `BACKUPS` and no recovery code; pass what a
 * test needs otherwise (`withRecoveryCode()` for a code made earlier). With a code and the default
 * backups, the code is kept beside each encrypted backup made on or after the day it was made.
 */
export function fakeVault(overrides: Partial<FakeVault> = {}): FakeVault {
  const { recoveryCode = null, recoveryCodeMadeOn = null } = overrides;
  const backups = structuredClone(BACKUPS).map((b) => ({
    ...b,
    codeWith:
      b.madeWith !== null && recoveryCode !== null && recoveryCodeMadeOn !== null && b.info.createdAt.slice(0, 10) >= recoveryCodeMadeOn
        ? recoveryCode
        : null,
  }));
  return {
    state: 'open',
    passphrase: PASSPHRASE,
    recoveryCode: null,
    recoveryCodeMadeOn: null,
    backups,
    problem: null,
    secondLocation: null,
    lastCopyProblem: null,
    ...overrides,
  };
}

/** The vault fields of a recovery code `RECOVERY_CODE` made on 1 December 2024. */
export function withRecoveryCode(madeOn = '2024-12-01'): Pick<FakeVault, 'recoveryCode' | 'recoveryCodeMadeOn'> {
  return { recoveryCode: RECOVERY_CODE, recoveryCodeMadeOn: madeOn };
}

/**
 * A recovery code as the backend reads it: case, spaces and dashes do not matter, O reads as 0 and
 * I or L as 1; null unless it is then 20 characters of Crockford's alphabet.
 */
function normalCode(typed: string): string | null {
  const code = typed
    .replace(/[\s-]/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{20}$/.test(code) ? code : null;
}

/** A recovery code as the backend reads it, or the refusal that says what one looks like. */
function parsedCode(typed: string): string {
  const code = normalCode(typed);
  if (code === null) {
    throw refusal({
      field: 'recoveryCode',
      reason: 'invalid_format',
      message: 'Een herstelcode heeft 20 letters en cijfers, in vijf groepjes van vier, zoals K7QF-3MZP-W8TD-A2XN-H6RB.',
      messageEn: 'A recovery code has 20 letters and digits, in five groups of four, like K7QF-3MZP-W8TD-A2XN-H6RB.',
    });
  }
  return code;
}

function wrongCode(): ApiError {
  return refusal({
    field: 'recoveryCode',
    reason: 'mismatch',
    message: 'Deze herstelcode past niet bij deze gegevens. Kijk de tekens nog eens na; er is niets veranderd.',
    messageEn: 'This recovery code does not fit this data. Please check the characters; nothing was changed.',
  });
}

function wrongPassphrase(field: Field, earlier = false): ApiError {
  return {
    code: 'wrong_passphrase',
    message: earlier
      ? 'Deze back-up is gemaakt met een eerdere wachtwoordzin. Vul die in om hem terug te zetten.'
      : 'Deze wachtwoordzin klopt niet. Er is niets veranderd; probeer het opnieuw.',
    messageEn: earlier
      ? 'This backup was made with an earlier passphrase. Enter it to restore the backup.'
      : 'This passphrase is not right. Nothing was changed; please try again.',
    field,
    reason: null,
  };
}

/** The backend's rules for a new passphrase: at least 10 characters, typed the same twice. */
/**
 * An encrypted backup opened with the recovery code, checked in the backend's order: the code's
 * form, the new passphrase, then whether a code is kept beside the backup and this is it.
 */
function checkCodeFor(backup: FakeBackup, typed: string, passphrase: string | null, repeat: string | null): void {
  const code = parsedCode(typed);
  checkNewPassphrase(passphrase ?? '', repeat ?? '');
  if (!backup.codeWith) {
    throw refusal({
      field: 'recoveryCode',
      reason: 'unknown',
      message:
        'Hier hoort geen herstelcode bij: hij is er nooit gemaakt, of pas later. Zonder de wachtwoordzin van toen is dit niet te openen.',
      messageEn:
        'No recovery code belongs to this: none was made, or only later. Without the passphrase of the time it cannot be opened.',
    });
  }
  if (code !== normalCode(backup.codeWith)) throw wrongCode();
}

function checkNewPassphrase(passphrase: string, repeat: string): void {
  if ([...passphrase].length < 10) {
    throw refusal({
      field: 'passphrase',
      reason: 'too_short',
      message: 'Kies een wachtwoordzin van minstens 10 tekens, bijvoorbeeld vier losse woorden.',
      messageEn: 'Choose a passphrase of at least 10 characters, for example four separate words.',
    });
  }
  if (passphrase !== repeat) {
    throw refusal({
      field: 'repeat',
      reason: 'mismatch',
      message: 'De twee wachtwoordzinnen zijn niet gelijk. Typ ze nog eens.',
      messageEn: 'The two passphrases differ. Please type them again.',
    });
  }
}

/** The safety commands over `vault`, as the Rust gate answers them. */
function safetyCommands(vault: FakeVault) {
  let made = 0;
  const backupSettings = (): BackupSettings => ({ secondLocation: vault.secondLocation, lastCopyProblem: vault.lastCopyProblem });
  const access = (): DatabaseAccess => ({
    state: vault.state,
    encrypted: vault.passphrase !== null,
    databasePath: STATUS.databasePath,
    problem: vault.problem,
    latestBackup: vault.state === 'damaged' ? (vault.backups[0]?.info ?? null) : null,
    recoveryCodeMadeOn: vault.passphrase !== null ? vault.recoveryCodeMadeOn : null,
  });
  const backupNow = (kind: BackupKind): BackupInfo => {
    const at = `${TODAY}T16:${String(15 + made++).padStart(2, '0')}:00`;
    const backup = backupOf(at, kind, vault.passphrase, undefined, vault.recoveryCode);
    vault.backups.unshift(backup);
    return structuredClone(backup.info);
  };
  return {
    databaseAccess: async () => access(),
    createDatabase: async (input) => {
      if (vault.state !== 'new') return access();
      if (input.passphrase !== null) checkNewPassphrase(input.passphrase, input.repeat ?? '');
      vault.passphrase = input.passphrase;
      vault.state = 'open';
      return access();
    },
    unlock: async (passphrase) => {
      if (vault.state !== 'locked') return access();
      if (passphrase !== vault.passphrase) throw wrongPassphrase('passphrase');
      vault.state = 'open';
      return access();
    },
    lock: async () => {
      if (vault.state === 'open' && vault.passphrase !== null) vault.state = 'locked';
      return access();
    },
    changePassphrase: async (input) => {
      checkNewPassphrase(input.passphrase, input.repeat);
      if (vault.passphrase !== null && input.current !== vault.passphrase) throw wrongPassphrase('currentPassphrase');
      vault.passphrase = input.passphrase;
      return null;
    },
    makeRecoveryCode: async (input) => {
      if (vault.passphrase === null) {
        throw refusal({
          field: 'passphrase',
          reason: 'not_allowed',
          message: 'Deze gegevens hebben geen wachtwoordzin, dus ook geen herstelcode. Stel eerst een wachtwoordzin in.',
          messageEn: 'This data has no passphrase, so no recovery code either. Please set a passphrase first.',
        });
      }
      if (input.passphrase !== vault.passphrase) throw wrongPassphrase('passphrase');
      // A new code replaces the earlier one, which stops working.
      vault.recoveryCode = RECOVERY_CODE;
      vault.recoveryCodeMadeOn = TODAY;
      return { code: RECOVERY_CODE, madeOn: TODAY };
    },
    recover: async (input) => {
      if (vault.state !== 'locked') return access();
      // In the backend's order: the code's form, the new passphrase, then whether the code fits.
      const code = parsedCode(input.code);
      checkNewPassphrase(input.passphrase, input.repeat);
      if (vault.recoveryCode === null) {
        throw refusal({
          field: 'recoveryCode',
          reason: 'unknown',
          message: 'Voor deze gegevens is nooit een herstelcode gemaakt. Zonder wachtwoordzin zijn ze niet te openen.',
          messageEn: 'No recovery code was ever made for this data. Without the passphrase it cannot be opened.',
        });
      }
      if (code !== normalCode(vault.recoveryCode)) throw wrongCode();
      vault.passphrase = input.passphrase;
      vault.state = 'open';
      return access();
    },
    listBackups: async () => vault.backups.map((b) => structuredClone(b.info)),
    makeBackup: async () => backupNow('manual'),
    restoreBackup: async (input) => {
      const chosen = vault.backups.find((b) => b.info.file === input.file);
      if (!chosen) {
        throw refusal({
          field: 'backup',
          reason: 'unknown',
          message: 'Deze back-up bestaat niet (meer). Kies een andere.',
          messageEn: 'This backup does not exist (any more). Please choose another.',
        });
      }
      if (input.recoveryCode?.trim() && chosen.madeWith !== null) {
        checkCodeFor(chosen, input.recoveryCode, input.newPassphrase, input.repeat);
        // Restored as with its own passphrase, then given the new one at once.
        backupNow('before_restore');
        vault.passphrase = input.newPassphrase;
        vault.state = 'open';
        vault.problem = null;
        return access();
      }
      const typed = input.passphrase || null;
      if (chosen.madeWith !== null) {
        // Without a passphrase typed, only the open database's own passphrase is tried.
        const tried = typed ?? (vault.state === 'open' ? vault.passphrase : null);
        if (tried !== chosen.madeWith) throw wrongPassphrase('passphrase', typed === null);
      }
      // What is there now is saved first, then the backup takes its place with its own passphrase.
      backupNow('before_restore');
      vault.passphrase = chosen.madeWith;
      // A plain database has nothing to recover.
      if (chosen.madeWith === null) {
        vault.recoveryCode = null;
        vault.recoveryCodeMadeOn = null;
      }
      vault.state = 'open';
      vault.problem = null;
      return access();
    },
    restoreBackupFile: async (input) => {
      // At first start there is no database yet, so nothing is saved first.
      const chosen = [USB_BACKUP, ...vault.backups].find((b) => b.info.path === input.path);
      if (!chosen) {
        throw refusal({
          field: 'path',
          reason: 'unknown',
          message: 'Dit bestand is er niet (meer). Kies het opnieuw.',
          messageEn: 'This file is not there (any more). Please choose it again.',
        });
      }
      if (input.recoveryCode?.trim() && chosen.madeWith !== null) {
        checkCodeFor(chosen, input.recoveryCode, input.newPassphrase, input.repeat);
        vault.passphrase = input.newPassphrase;
        vault.recoveryCode = chosen.codeWith ?? null;
        vault.state = 'open';
        vault.problem = null;
        return access();
      }
      if (chosen.madeWith !== null && (input.passphrase || null) !== chosen.madeWith) {
        if (input.passphrase) throw wrongPassphrase('passphrase');
        const missing: ApiError = {
          ...wrongPassphrase('passphrase'),
          message: 'Deze back-up is versleuteld. Vul de wachtwoordzin in waarmee hij gemaakt is.',
          messageEn: 'This backup is encrypted. Enter the passphrase it was made with.',
        };
        throw missing;
      }
      vault.passphrase = chosen.madeWith;
      vault.recoveryCode = chosen.codeWith ?? null;
      vault.state = 'open';
      vault.problem = null;
      return access();
    },
    backupSettings: async () => backupSettings(),
    setBackupLocation: async (path) => {
      vault.secondLocation = path;
      vault.lastCopyProblem = null;
      return backupSettings();
    },
  } satisfies Partial<Backend>;
}

/** The folder the fake's folder dialog answers with: a USB stick. */
export const USB_FOLDER = '/media/marieke/USB-STICK/draagkracht';

/**
 * The backup the fake's open dialog answers with when asked for one: on that USB stick, made with
 * `PASSPHRASE`, with `RECOVERY_CODE` kept beside it.
 */
export const USB_BACKUP: FakeBackup = (() => {
  const backup = backupOf(`${TODAY}T09:02:00`, 'daily', PASSPHRASE, undefined, RECOVERY_CODE);
  return { ...backup, info: { ...backup.info, path: `${USB_FOLDER}/${backup.info.file}` } };
})();

/** The folder the fake's save dialog puts the suggested file name in. */
export const DOCUMENTS = '/home/marieke/Documenten';

/** Where the app keeps its data on Linux, as "Over Draagkracht" shows it. */
export const DATA_FOLDER = '/home/anna/.local/share/nl.draagkracht.app';

/** What "Over Draagkracht" shows: this build, its data and backups (no second place), its licence. */
export const ABOUT: AboutInfo = {
  version: '0.1.0',
  buildDate: '2026-12-05',
  databasePath: `${DATA_FOLDER}/draagkracht.sqlite`,
  backupFolder: `${DATA_FOLDER}/backups`,
  secondBackupFolder: null,
  licence: 'EUPL-1.2',
};

/** What the backend answers after an export to `path`: the HTML copy beside it, with the same name. */
export function exportedTo(path: string, records = 14): ExportedPerson {
  return { jsonPath: path, htmlPath: `${path.replace(/\.json$/i, '')}.html`, records };
}

/** What erasing a person leaves: the counts, anonymous. */
export const ERASURE: ErasureReport = {
  removed: 9,
  kept: ['32 uurregels blijven als anonieme aantallen.', '1 koppeling blijft bestaan, zonder naam, met de zwaarte van de casus.'],
  keptEn: ['32 hour entries stay as anonymous counts.', '1 match stays, without a name, with the level of the case.'],
};

/** Marieke works on this laptop; both programmes keep personal data two years after the last match. */
export const PRIVACY: PrivacySettings = {
  coordinatorName: 'Marieke',
  retention: [
    { programmeId: 'p-admin', name: 'Thuisadministratie', years: 2 },
    { programmeId: 'p-buddy', name: 'Maatje', years: 2 },
  ],
};

/** Three participants whose last match ended more than two years ago, the longest overdue first. */
export const RETENTION_ROWS: RetentionRow[] = [
  { participantId: 'd-003', label: 'D-003', programme: 'Thuisadministratie', endedOn: '2023-06-30', dueOn: '2025-06-30' },
  { participantId: 'd-008', label: 'Karim', programme: 'Maatje', endedOn: '2023-09-15', dueOn: '2025-09-15' },
  { participantId: 'd-011', label: 'D-011', programme: 'Thuisadministratie', endedOn: '2023-11-01', dueOn: '2025-11-01' },
];

/**
 * The audit log, newest first: Marieke's changes, one the app made itself (no actor) and an import.
 * The ids are UUID v7 as the backend makes them: the two entries of 10:12 start alike (their first
 * characters are the moment they were made) and differ only at the end.
 */
export const AUDIT: AuditRow[] = [
  { at: '2025-11-26T10:12:45', actor: 'Marieke', action: 'added', entity: 'uren', entityEn: 'hours', entityId: '019abf6f-c6c8-7a1b-9c2d-4e5f6a7b8c9d' },
  { at: '2025-11-26T10:12:10', actor: 'Marieke', action: 'added', entity: 'uren', entityEn: 'hours', entityId: '019abf6f-3e10-7d4e-8f01-a2b3c4d5e6f7' },
  { at: '2025-11-26T07:00:02', actor: '', action: 'changed', entity: 'signaal', entityEn: 'signal', entityId: '019abebf-56d0-7c3b-a1e2-0f9d8c7b6a54' },
  { at: '2025-11-25T16:40:00', actor: 'Marieke', action: 'removed', entity: 'vrijwilliger', entityEn: 'volunteer', entityId: '019abbab-f480-7e21-b3c4-d5e6f7a8b9c0' },
  { at: '2025-11-25T16:35:00', actor: 'Marieke', action: 'added', entity: 'ingelezen bestand', entityEn: 'imported file', entityId: 'vrijwilligers.xlsx (120)' },
];

/**
 * The privacy commands over `settings` and a review list of their own: the coordinator's name (at
 * most 100 characters), retention in whole years 0 to 30, and anonymised participants leaving the list.
 */
function privacyCommands(settings: PrivacySettings) {
  let review = structuredClone(RETENTION_ROWS);
  return {
    retentionReview: async () => structuredClone(review),
    anonymiseParticipants: async (ids) => {
      const before = review.length;
      review = review.filter((row) => !ids.includes(row.participantId));
      return before - review.length;
    },
    privacySettings: async () => structuredClone(settings),
    setCoordinatorName: async (name) => {
      if ([...name.trim()].length > 100) {
        throw refusal({
          field: 'coordinatorName',
          reason: 'too_long',
          message: 'Deze naam is te lang. Gebruik hoogstens 100 tekens.',
          messageEn: 'This name is too long. Use at most 100 characters.',
        });
      }
      settings.coordinatorName = name.trim();
      return structuredClone(settings);
    },
    setRetention: async (input) => {
      const typed = input.years.trim();
      if (!/^\d+$/.test(typed) || Number(typed) > 30) {
        throw refusal({
          field: 'retentionYears',
          reason: 'invalid_format',
          message: `'${typed}' is geen goed aantal jaren. Kies een heel getal van 0 tot en met 30.`,
          messageEn: `'${typed}' is not a valid number of years. Choose a whole number from 0 to 30.`,
        });
      }
      const row = settings.retention.find((r) => r.programmeId === input.programmeId);
      if (!row) throw refusal({ code: 'not_found', field: null, reason: null, message: 'Dit project bestaat niet.', messageEn: 'This programme does not exist.' });
      row.years = Number(typed);
      return structuredClone(settings);
    },
  } satisfies Partial<Backend>;
}

/** The spreadsheet the fake's open dialog answers with, and the interchange file. */
export const SPREADSHEET = `${DOCUMENTS}/vrijwilligers.xlsx`;
export const INTERCHANGE_FILE = `${DOCUMENTS}/draagkracht-alles.json`;

/**
 * The first sheet of a workbook kept by hand: a title row above the headers, a column with notes
 * Draagkracht has no field for and an empty column at the end.
 */
export const VOLUNTEER_SHEET: SheetPreview = {
  path: SPREADSHEET,
  sheets: ['Vrijwilligers', 'Uren'],
  sheet: 'Vrijwilligers',
  headerRow: 2,
  columns: [
    { index: 0, header: 'Naam', samples: ['Anna de Vries', 'Bram Jansen', 'Carla Bakker'], guess: 'volunteer_name' },
    { index: 1, header: 'E-mail', samples: ['anna@example.nl', 'bram@example.nl', 'carla@example.nl'], guess: 'email' },
    { index: 2, header: 'Telefoon', samples: ['06-12345678', '06-87654321'], guess: 'phone' },
    { index: 3, header: 'Project', samples: ['Thuisadministratie', 'Maatje', 'Maatje'], guess: 'programme' },
    { index: 4, header: 'Begonnen', samples: ['01-03-2024', '15-09-2023', '31-02-2024'], guess: 'start_date' },
    { index: 5, header: 'Uren per week', samples: ['4', '2,5', 'veel'], guess: 'agreed_hours' },
    { index: 6, header: 'Opmerking', samples: ['Wil graag meer doen'], guess: 'ignore' },
    { index: 7, header: '', samples: [], guess: 'ignore' },
  ],
  rows: 12,
  guessedKind: 'volunteers',
};

/** The workbook's second sheet: 1,250 hour entries, the headers on the first row. */
export const HOURS_SHEET: SheetPreview = {
  path: SPREADSHEET,
  sheets: ['Vrijwilligers', 'Uren'],
  sheet: 'Uren',
  headerRow: 1,
  columns: [
    { index: 0, header: 'Vrijwilliger', samples: ['Anna de Vries', 'Anna de Vries', 'Bram Jansen'], guess: 'volunteer_name' },
    { index: 1, header: 'Datum', samples: ['24-11-2025', '25-11-2025', '24-11-2025'], guess: 'date' },
    { index: 2, header: 'Uren', samples: ['1,5', '2', '0:45'], guess: 'duration' },
    { index: 3, header: 'Soort', samples: ['ondersteuning', 'overleg', 'reistijd'], guess: 'kind' },
    { index: 4, header: 'Toelichting', samples: ['Belastingaangifte'], guess: 'note' },
  ],
  rows: 1250,
  guessedKind: 'hour_entries',
};

/** Three problems in the volunteer sheet, two of them on one row. */
export const PROBLEMS: RowProblem[] = [
  {
    row: 6,
    column: 'Begonnen',
    reason: "'31-02-2024' is geen datum. Schrijf bijvoorbeeld 15-03-2024.",
    reasonEn: "'31-02-2024' is not a date. Write for example 15-03-2024.",
  },
  {
    row: 6,
    column: 'Uren per week',
    reason: "'veel' is geen aantal uren. Schrijf bijvoorbeeld 2,5.",
    reasonEn: "'veel' is not a number of hours. Write for example 2.5.",
  },
  {
    row: 11,
    column: 'Project',
    reason: "Het project 'Taalmaatje' bestaat niet in Draagkracht. Maak het eerst aan bij Projecten.",
    reasonEn: "The programme 'Taalmaatje' does not exist in Draagkracht. Add it under Programmes first.",
  },
];

/** The fields each kind cannot do without, as the fake's dry run asks for them. */
const REQUIRED: Record<ImportKind, TargetField[]> = {
  volunteers: ['volunteer_name'],
  participants: ['participant_label'],
  matches: ['participant_label', 'volunteer_name', 'programme', 'start_date'],
  hour_entries: ['volunteer_name', 'date', 'duration'],
  organisations: ['organisation_name', 'referral_kinds'],
};

/**
 * The fake's dry run of `input`: of the sheet's rows one is a total and one is there already, the
 * rest would be added; the kind's fields no column is linked to are missing; `problems` as given.
 */
export function dryRunFor(input: MappingInput, problems: RowProblem[] = []): DryRun {
  const rows = input.sheet === HOURS_SHEET.sheet ? HOURS_SHEET.rows : VOLUNTEER_SHEET.rows;
  const mapped = new Set(input.columns.map((c) => c.field));
  return {
    kind: input.kind,
    rows,
    toAdd: rows - 2,
    existing: 1,
    skipped: 1,
    problems: structuredClone(problems),
    missingFields: REQUIRED[input.kind].filter((field) => !mapped.has(field)),
  };
}

/** The import commands: a dry run without problems, and an import that tells its progress. */
function importCommands() {
  return {
    chooseOpenFile: async (filters) =>
      filters.some((f) => f.extensions.includes('sqlite'))
        ? USB_BACKUP.info.path
        : filters.some((f) => f.extensions.includes('json'))
          ? INTERCHANGE_FILE
          : SPREADSHEET,
    readSheet: async (path, sheet) => {
      if (!/\.(xlsx|xls|ods|csv)$/i.test(path.trim())) {
        throw refusal({
          field: 'path',
          reason: 'invalid_format',
          message: 'Dit is geen spreadsheet die Draagkracht kan lezen. Kies een bestand dat eindigt op .xlsx, .xls, .ods of .csv.',
          messageEn: 'This is not a spreadsheet Draagkracht can read. Choose a file ending in .xlsx, .xls, .ods or .csv.',
        });
      }
      return { ...structuredClone(sheet === HOURS_SHEET.sheet ? HOURS_SHEET : VOLUNTEER_SHEET), path: path.trim() };
    },
    dryRunImport: async (input) => dryRunFor(input),
    runImport: async (input, onProgress: (progress: ImportProgress) => void) => {
      const dryRun = dryRunFor(input);
      if (dryRun.problems.length > 0 || dryRun.missingFields.length > 0) {
        throw refusal({ message: 'Dit bestand heeft nog problemen. Er is niets ingelezen.', messageEn: 'This file still has problems. Nothing was imported.' });
      }
      for (let done = 0; done < dryRun.toAdd; done += 5) onProgress({ done, total: dryRun.toAdd });
      onProgress({ done: dryRun.toAdd, total: dryRun.toAdd });
      return { added: dryRun.toAdd, existing: dryRun.existing };
    },
    exportAllData: async (path) => ({ path, records: 1234 }),
    importAllData: async (path) => ({ path, records: 1234 }),
  } satisfies Partial<Backend>;
}

/** The report settings the fake starts with. */
export const REPORT_SETTINGS: ReportSettings = {
  branchName: 'Vrijwilligerscentrum De Brug',
  hourRateCents: 1406,
  hourRateSource: 'Afspraak met de gemeente, 2025',
};

/** The size the fake reports a saved report at: `128 kB`. */
export const REPORT_BYTES = 131_072;

/**
 * Hours (in minutes) and volunteers per programme in any period the fake is asked about. Maatje
 * has 4 volunteers and the acute cases are 2, so a funder report shows both as `<5`.
 */
const REPORT_PROGRAMMES = [
  { id: 'p-admin', name: 'Thuisadministratie', minutes: 48_255, volunteers: 12 },
  { id: 'p-buddy', name: 'Maatje', minutes: 28_995, volunteers: 4 },
];
const REPORT_PEOPLE = [
  { name: 'Anna de Vries', minutes: 7_230 },
  { name: 'Bram Jansen', minutes: 2_160 },
];
const REPORT_LEVELS: [string, string, number][] = [
  ['normaal', 'normal', 18],
  ['complex', 'complex', 6],
  ['acuut', 'acute', 2],
];

/**
 * What `preview_report` answers for `input`, in the report's language: the funder version rounds
 * hours and shows counts of 1–4 as `<5`, the internal one is exact and adds a table with names.
 * Refuses as the backend does: a date that is no date (field `from` or `to`), a start after today
 * (`from`) and an end before the start (`to`).
 */
export function previewFor(input: ReportInput, settings: ReportSettings = REPORT_SETTINGS): ReportPreview {
  const l = input.language;
  const tr = (nl: string, en: string) => (l === 'nl' ? nl : en);
  const from = parseDate(input.from);
  const to = parseDate(input.to);
  if (from === null) {
    throw refusal({ field: 'from', message: `'${input.from}' is geen datum. Schrijf bijvoorbeeld 1-1-2025.`, messageEn: `'${input.from}' is not a date. Write for example 1-1-2025.` });
  }
  if (to === null) {
    throw refusal({ field: 'to', message: `'${input.to}' is geen datum. Schrijf bijvoorbeeld 31-12-2025.`, messageEn: `'${input.to}' is not a date. Write for example 31-12-2025.` });
  }
  // A date as the report writes it: `1-3-2025`, English `1 Mar 2025`.
  const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const dated = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return l === 'nl' ? `${d}-${m}-${y}` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
  };
  if (from > TODAY) {
    throw refusal({
      field: 'from',
      reason: 'in_future',
      message: 'De periode begint in de toekomst. Kies een eerdere begindatum.',
      messageEn: 'The period starts in the future. Please choose an earlier first day.',
    });
  }
  if (to < from) {
    throw refusal({
      field: 'to',
      reason: 'invalid_format',
      message: 'De einddatum ligt vóór de begindatum. Kies een latere einddatum.',
      messageEn: 'The last day is before the first. Please choose a later last day.',
    });
  }
  const funder = input.audience === 'funder';
  const count = (n: number) => (funder && n >= 1 && n <= 4 ? '<5' : formatCount(n, l));
  const hours = (minutes: number) => (funder ? formatCount(minutes / 60, l) : formatHours(minutes, l));
  const levels = REPORT_LEVELS.reduce((sum, [, , n]) => sum + n, 0);
  /** A level's share of the matches, hidden with its count when that is small (`12,5 %`, English `12.5%`). */
  const share = (n: number) => (funder && n >= 1 && n <= 4 ? '<5' : formatPercent((n * 100) / levels, l));
  // A subsidy takes the place of the programme and the municipality: its programmes, its municipality's residents.
  const subsidy = SUBSIDIES.find((s) => s.id === input.subsidyId) ?? null;
  const programmes = REPORT_PROGRAMMES.filter((p) => (subsidy ? subsidy.programmeIds.includes(p.id) : input.programmeId === null || p.id === input.programmeId));
  const minutes = programmes.reduce((sum, p) => sum + p.minutes, 0);
  const volunteers = programmes.reduce((sum, p) => sum + p.volunteers, 0);
  const residents = MUNICIPALITIES.find((m) => m.id === input.municipalityId)?.name;
  const scope = subsidy
    ? subsidy.name
    : [PROGRAMMES.find((p) => p.id === input.programmeId)?.name ?? tr('Hele afdeling', 'Whole branch'), residents ? tr(`inwoners van ${residents}`, `residents of ${residents}`) : '']
        .filter(Boolean)
        .join(', ');
  const sections: ReportPreview['sections'] = [
    {
      title: tr('Vrijwilligers', 'Volunteers'),
      intro: tr('Wie in de periode uren schreef.', 'Those who logged hours in the period.'),
      tables: [
        {
          title: tr('Uren per project', 'Hours per programme'),
          columns: [tr('Project', 'Programme'), tr('Uren', 'Hours'), tr('Vrijwilligers', 'Volunteers')],
          rows: programmes.map((p) => [p.name, hours(p.minutes), count(p.volunteers)]),
          total: [tr('Totaal', 'Total'), hours(minutes), count(volunteers)],
          note: null,
          numeric: [false, true, true],
        },
      ],
    },
    {
      title: tr('Zwaarte van het werk', 'How heavy the work is'),
      intro: null,
      tables: [
        {
          title: tr('Koppelingen naar zwaarte van de casus', 'Matches by complexity of the case'),
          columns: [tr('Zwaarte', 'Complexity'), tr('Koppelingen', 'Matches'), tr('Deel', 'Share')],
          rows: REPORT_LEVELS.map(([nl, en, n]) => [tr(nl, en), count(n), share(n)]),
          total: [tr('Totaal', 'Total'), count(levels), formatPercent(100, l)],
          note: tr('De laatste inschatting vóór het einde van de periode.', 'The latest assessment before the end of the period.'),
          numeric: [false, true, true],
        },
      ],
    },
  ];
  if (!funder) {
    sections.push({
      title: tr('Per vrijwilliger', 'Per volunteer'),
      intro: null,
      tables: [
        {
          title: tr('Uren per vrijwilliger', 'Hours per volunteer'),
          columns: [tr('Vrijwilliger', 'Volunteer'), tr('Uren', 'Hours')],
          rows: REPORT_PEOPLE.map((p) => [p.name, hours(p.minutes)]),
          total: [tr('Totaal', 'Total'), hours(REPORT_PEOPLE.reduce((sum, p) => sum + p.minutes, 0))],
          note: null,
          numeric: [false, true],
        },
      ],
    });
  }
  return {
    title: funder ? tr('Verantwoording vrijwilligerswerk', 'Volunteer work report') : tr('Intern overzicht vrijwilligerswerk', 'Internal volunteer work report'),
    branch: settings.branchName,
    scope,
    period: `${dated(from)} ${tr('t/m', 'to')} ${dated(to)}`,
    notes: [
      funder
        ? tr(
            'Dit rapport is anoniem: er staan geen namen in. Aantallen van 1 tot en met 4 staan als <5. Uren zijn afgerond op hele uren.',
            'This report is anonymous: it holds no names. Counts of 1 to 4 are shown as <5. Hours are rounded to whole hours.',
          )
        : tr('Intern overzicht: dit rapport bevat namen van vrijwilligers. Deel het niet buiten de organisatie.', "Internal report: it holds volunteers' names. Do not share it outside the organisation."),
    ],
    keyFigures: [
      { label: tr('Actieve vrijwilligers', 'Active volunteers'), value: count(volunteers) },
      { label: tr('Uren vrijwilligerswerk', 'Hours of volunteer work'), value: hours(minutes) },
      { label: tr('Acute casussen', 'Acute cases'), value: count(2) },
      { label: tr('Waarde van de uren', 'Value of the hours'), value: formatEuro(Math.round((minutes / 60) * settings.hourRateCents), l) },
    ],
    sections,
  };
}

/** What `set_report_settings` answers: the rate read as euros (`14,06` or `14.06`), or a refusal at its field. */
export function reportSettingsAfter(input: ReportSettingsInput): ReportSettings {
  if (input.branchName.trim() === '') {
    throw refusal({ field: 'branchName', reason: 'required', message: 'Vul de naam van de afdeling in.', messageEn: "Please fill in the branch's name." });
  }
  const euros = Number(euroText(input.hourRate));
  if (input.hourRate.trim() === '' || !Number.isFinite(euros) || euros <= 0 || euros > 500) {
    throw refusal({
      field: 'hourRate',
      message: `'${input.hourRate.trim()}' is geen bedrag per uur. Schrijf bijvoorbeeld 14,06.`,
      messageEn: `'${input.hourRate.trim()}' is not an hourly amount. Write for example 14.06.`,
    });
  }
  return { branchName: input.branchName.trim(), hourRateCents: Math.round(euros * 100), hourRateSource: input.hourRateSource.trim() };
}

/** The report commands; the settings are kept per backend, so a saved name shows in the next preview. */
function reportCommands() {
  let settings = structuredClone(REPORT_SETTINGS);
  return {
    reportSettings: async () => structuredClone(settings),
    setReportSettings: async (input) => {
      settings = reportSettingsAfter(input);
      return structuredClone(settings);
    },
    previewReport: async (input) => previewFor(input, settings),
    exportReport: async (input, _format, path) => {
      previewFor(input, settings);
      return { path, bytes: REPORT_BYTES };
    },
    chooseReportFile: async (defaultName) => `${DOCUMENTS}/${defaultName}`,
  } satisfies Partial<Backend>;
}

/** The national office's address in the fake: its login reads every branch. */
export const NATIONAL_SERVER = 'postgres://landelijk:geheim@server.example.nl/draagkracht';
/** A region's address: the login `regio-oost` reads the branches of region Oost. */
export const REGION_SERVER = 'postgres://regio-oost:geheim@server.example.nl/draagkracht';
/** A branch's address: the login `zwolle` reads only Afdeling Zwolle. */
export const BRANCH_SERVER = 'postgres://zwolle:geheim@server.example.nl/draagkracht';

/** The branches on the fake's server, with their regions. */
export const NATIONAL_BRANCHES: NationalBranch[] = [
  { name: 'Afdeling Zwolle', region: 'Oost' },
  { name: 'Afdeling Deventer', region: 'Oost' },
  { name: 'Afdeling Leiden', region: 'West' },
];

/** What `national_connect` answers for the national office's login. */
export const NATIONAL_ACCOUNT: NationalAccount = { kind: 'national', branch: null, region: null, branches: NATIONAL_BRANCHES, regions: ['Oost', 'West'] };
/** … for region Oost's login. */
export const REGION_ACCOUNT: NationalAccount = {
  kind: 'region',
  branch: null,
  region: 'Oost',
  branches: NATIONAL_BRANCHES.filter((b) => b.region === 'Oost'),
  regions: ['Oost'],
};
/** … for Afdeling Zwolle's own login. */
export const BRANCH_ACCOUNT: NationalAccount = {
  kind: 'branch',
  branch: 'Afdeling Zwolle',
  region: 'Oost',
  branches: NATIONAL_BRANCHES.filter((b) => b.name === 'Afdeling Zwolle'),
  regions: ['Oost'],
};

/** The login of a `postgres://login:password@host/db` address, or `null` when it is no such address. */
function loginOf(server: string): string | null {
  return /^postgres(?:ql)?:\/\/([^:@/]+)(?::[^@]*)?@[^/]+/.exec(server.trim())?.[1] ?? null;
}

/**
 * The refusal of an address the fake's server does not take, at field `server`: none typed, no
 * `postgres://` address, or the password `fout` (wrong); `null` when it is fine.
 */
function serverRefusal(server: string): ApiError | null {
  if (server.trim() === '') {
    return refusal({
      field: 'server',
      reason: 'required',
      message: 'Vul het adres van de server in. Je krijgt het van je beheerder.',
      messageEn: 'Please fill in the address of the server. Your administrator gives it to you.',
    });
  }
  if (loginOf(server) === null) {
    return refusal({
      field: 'server',
      message: 'Dit is geen adres van een server. Het adres begint met postgres:// of postgresql://.',
      messageEn: 'This is not the address of a server. The address starts with postgres:// or postgresql://.',
    });
  }
  if (server.includes(':fout@')) {
    return refusal({
      field: 'server',
      reason: 'not_allowed',
      message: 'De server kent deze inlognaam of dit wachtwoord niet. Kijk het adres na dat je van je beheerder kreeg.',
      messageEn: 'The server does not know this login or password. Check the address your administrator gave you.',
    });
  }
  return null;
}

/** What `national_connect` answers: `regio-…` logs in as region Oost, `zwolle` as that branch, anyone else as the national office. */
export function nationalAccountFor(server: string): NationalAccount {
  const refused = serverRefusal(server);
  if (refused) throw refused;
  const login = loginOf(server) ?? '';
  if (login.startsWith('regio')) return structuredClone(REGION_ACCOUNT);
  if (login === 'zwolle') return structuredClone(BRANCH_ACCOUNT);
  return structuredClone(NATIONAL_ACCOUNT);
}

/** What each branch published for any period the fake is asked about; Leiden has 3 volunteers, `<5` for a funder. */
const NATIONAL_FIGURES: Record<string, { minutes: number; volunteers: number; participants: number }> = {
  'Afdeling Zwolle': { minutes: 96_030, volunteers: 34, participants: 51 },
  'Afdeling Deventer': { minutes: 61_200, volunteers: 22, participants: 30 },
  'Afdeling Leiden': { minutes: 44_415, volunteers: 3, participants: 17 },
};

/** The one month a branch did not publish: Leiden skipped February 2024. */
const NATIONAL_MISSING = { branch: 'Afdeling Leiden', month: '2024-02' };

/**
 * What `national_preview` answers, built as `previewFor` builds a branch's: the branches the
 * request chooses (named ones, a region's, or all the login may read), their figures added up, and
 * a note naming every month a branch did not publish. Refuses as the backend does: a date that is
 * no date, a start after today, an end before the start (each at its field) and a period that is not
 * a whole month, quarter or calendar year or its first months (at `from`).
 */
export function nationalPreviewFor(request: NationalReportRequest): ReportPreview {
  const refused = serverRefusal(request.server);
  if (refused) throw { ...refused, field: null };
  const l = request.language;
  const tr = (nl: string, en: string) => (l === 'nl' ? nl : en);
  const from = parseDate(request.from);
  const to = parseDate(request.to);
  if (from === null) {
    throw refusal({ field: 'from', message: `'${request.from}' is geen datum. Schrijf bijvoorbeeld 1-1-2025.`, messageEn: `'${request.from}' is not a date. Write for example 1-1-2025.` });
  }
  if (to === null) {
    throw refusal({ field: 'to', message: `'${request.to}' is geen datum. Schrijf bijvoorbeeld 31-12-2025.`, messageEn: `'${request.to}' is not a date. Write for example 31-12-2025.` });
  }
  if (from > TODAY) {
    throw refusal({
      field: 'from',
      reason: 'in_future',
      message: 'De periode begint in de toekomst. Kies een eerdere begindatum.',
      messageEn: 'The period starts in the future. Please choose an earlier first day.',
    });
  }
  if (to < from) {
    throw refusal({
      field: 'to',
      message: 'De einddatum ligt vóór de begindatum. Kies een latere einddatum.',
      messageEn: 'The last day is before the first. Please choose a later last day.',
    });
  }
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const wholeMonths = fd === 1 && td === daysInMonth(ty, tm) && fy === ty;
  if (!wholeMonths || !(fm === tm || fm === 1 || ((fm - 1) % 3 === 0 && tm === fm + 2))) {
    throw refusal({
      field: 'from',
      message:
        'Een landelijk overzicht gaat over een hele maand, een kwartaal of een kalenderjaar (of de eerste maanden ervan): alleen dan zijn de mensen precies te tellen. Kies bijvoorbeeld 1-1-2025 t/m 31-12-2025.',
      messageEn:
        'A national report covers a whole month, a quarter or a calendar year (or its first months): only then can people be counted exactly. Choose for example 1-1-2025 to 31-12-2025.',
    });
  }
  const readable = nationalAccountFor(request.server).branches;
  const region = request.region?.trim() || null;
  let chosen: NationalBranch[];
  if (request.branches.length > 0) {
    chosen = request.branches.map((name) => {
      const found = readable.find((b) => b.name.toLowerCase() === name.trim().toLowerCase());
      if (!found) {
        throw refusal({
          code: 'not_found',
          reason: null,
          message: `Afdeling '${name.trim()}' staat niet op de server, of deze inlog mag haar cijfers niet lezen.`,
          messageEn: `Branch '${name.trim()}' is not on the server, or this login may not read its figures.`,
        });
      }
      return found;
    });
  } else {
    chosen = readable.filter((b) => region === null || b.region?.toLowerCase() === region.toLowerCase());
  }
  if (chosen.length === 0) {
    throw refusal({
      code: 'not_found',
      reason: null,
      message: `Er staan geen afdelingen van regio '${region}' op de server die deze inlog mag lezen.`,
      messageEn: `The server holds no branches of region '${region}' this login may read.`,
    });
  }
  const funder = request.audience === 'funder';
  const count = (n: number) => (funder && n >= 1 && n <= 4 ? '<5' : formatCount(n, l));
  const hours = (minutes: number) => (funder ? formatCount(minutes / 60, l) : formatHours(minutes, l));
  // Only the residents of one municipality: about a third of each branch's work.
  const municipality = request.municipality?.trim() || null;
  const part = (n: number) => (municipality ? Math.round(n / 3) : n);
  const rows = chosen.map((b) => {
    const f = NATIONAL_FIGURES[b.name] ?? { minutes: 0, volunteers: 0, participants: 0 };
    return { name: b.name, region: b.region ?? '', minutes: part(f.minutes), volunteers: part(f.volunteers), participants: part(f.participants) };
  });
  const sum = (key: 'minutes' | 'volunteers' | 'participants') => rows.reduce((total, r) => total + r[key], 0);
  const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const dated = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return l === 'nl' ? `${d}-${m}-${y}` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
  };
  const notes = [
    funder
      ? tr(
          'Dit rapport is anoniem: er staan geen namen in. Aantallen van 1 tot en met 4 staan als <5. Uren zijn afgerond op hele uren.',
          'This report is anonymous: it holds no names. Counts of 1 to 4 are shown as <5. Hours are rounded to whole hours.',
        )
      : tr('Intern overzicht: precieze aantallen. Deel het niet buiten de organisatie.', 'Internal report: exact counts. Do not share it outside the organisation.'),
  ];
  const missing = NATIONAL_MISSING.month;
  if (chosen.some((b) => b.name === NATIONAL_MISSING.branch) && from.slice(0, 7) <= missing && to.slice(0, 7) >= missing) {
    const [my, mm] = missing.split('-').map(Number) as [number, number];
    const name = `${(l === 'nl' ? MONTHS_NL : MONTHS_EN)[mm - 1]} ${my}`;
    notes.push(
      tr(
        `Niet gepubliceerd: ${NATIONAL_MISSING.branch}, ${name} (niet als nul meegeteld).`,
        `Not published: ${NATIONAL_MISSING.branch}, ${name} (not counted as zero).`,
      ),
    );
  }
  const who =
    request.branches.length > 0
      ? chosen.map((b) => b.name).join(', ')
      : region !== null
        ? tr(`Regio ${region} (${chosen.length} afdelingen)`, `Region ${region} (${chosen.length} branches)`)
        : tr(`Alle afdelingen (${chosen.length})`, `All branches (${chosen.length})`);
  return {
    title: funder ? tr('Verantwoording vrijwilligerswerk', 'Volunteer work report') : tr('Intern overzicht vrijwilligerswerk', 'Internal volunteer work report'),
    branch: tr(`Landelijk overzicht — ${who}`, `National picture — ${who}`),
    scope: municipality ? tr(`Inwoners van ${municipality}`, `Residents of ${municipality}`) : tr('Hele afdeling', 'Whole branch'),
    period: `${dated(from)} ${tr('t/m', 'to')} ${dated(to)}`,
    notes,
    keyFigures: [
      { label: tr('Actieve vrijwilligers', 'Active volunteers'), value: count(sum('volunteers')) },
      { label: tr('Uren vrijwilligerswerk', 'Hours of volunteer work'), value: hours(sum('minutes')) },
      { label: tr('Deelnemers', 'Participants'), value: count(sum('participants')) },
    ],
    sections: [
      {
        title: tr('Per afdeling', 'Per branch'),
        intro: null,
        tables: [
          {
            title: tr('Uren en vrijwilligers per afdeling', 'Hours and volunteers per branch'),
            columns: [tr('Afdeling', 'Branch'), tr('Regio', 'Region'), tr('Uren', 'Hours'), tr('Vrijwilligers', 'Volunteers')],
            rows: rows.map((r) => [r.name, r.region, hours(r.minutes), count(r.volunteers)]),
            total: [tr('Totaal', 'Total'), '', hours(sum('minutes')), count(sum('volunteers'))],
            note: null,
            numeric: [false, false, true, true],
          },
        ],
      },
    ],
  };
}

/** The national commands: they need no branch database, only the address. */
function nationalCommands() {
  return {
    nationalConnect: async (server) => nationalAccountFor(server),
    nationalPreview: async (request) => nationalPreviewFor(request),
    nationalExport: async (request, _format, path) => {
      nationalPreviewFor(request);
      return { path, bytes: REPORT_BYTES };
    },
  } satisfies Partial<Backend>;
}

/** The branch's own account on the national server, as the fake remembers it. */
export const PUBLISH_SERVER = 'postgres://debrug:geheim@server.example.nl/draagkracht';

/** The 60 complete months with records the fake's branch can publish: November 2020 to October 2025. */
export const PUBLISHABLE_MONTHS: string[] = Array.from({ length: 60 }, (_, i) => {
  const index = 2020 * 12 + 10 + i;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});

/** When the fake publishes: a moment of TODAY, 14:05 in the Netherlands. */
export const PUBLISHED_AT = '2025-11-26T13:05:00Z';

/** Months published at one moment, via the server or a file. */
export function publishedMonths(months: string[], publishedAt: string, via: 'server' | 'file'): PublishedMonth[] {
  return months.map((month) => ({ month, publishedAt, via }));
}

/** The fake's publishing at start: published once, on 6 October 2025 via the server, up to September. */
export const PUBLISHING: PublishingStatus = {
  server: PUBLISH_SERVER,
  branchName: REPORT_SETTINGS.branchName,
  publishable: PUBLISHABLE_MONTHS.length,
  firstMonth: PUBLISHABLE_MONTHS[0]!,
  lastMonth: PUBLISHABLE_MONTHS[PUBLISHABLE_MONTHS.length - 1]!,
  published: publishedMonths(PUBLISHABLE_MONTHS.slice(0, -1), '2025-10-06T08:30:00Z', 'server'),
};

/** Nothing published yet, no address remembered. */
export const NOTHING_PUBLISHED: PublishingStatus = { ...PUBLISHING, server: null, published: [] };

/**
 * The publishing commands, kept per backend: publishing marks every publishable month as published
 * now and (to a server) remembers the address. A national office's login is refused at `server`, a
 * file without a branch name at `branchName`.
 */
function publishingCommands(start: PublishingStatus = PUBLISHING) {
  let status = structuredClone(start);
  const publish = (via: 'server' | 'file') => {
    const months = PUBLISHABLE_MONTHS.slice(0, status.publishable);
    status.published = publishedMonths(months, PUBLISHED_AT, via);
    return months.length;
  };
  return {
    publishingStatus: async () => structuredClone(status),
    publishToServer: async (server) => {
      const refused = serverRefusal(server);
      if (refused) throw refused;
      if (!(loginOf(server) ?? '').startsWith('debrug')) {
        throw refusal({
          field: 'server',
          reason: 'not_allowed',
          message: 'Dit is geen inlog van een afdeling. Publiceren kan alleen met de inlog van je eigen afdeling.',
          messageEn: "This is not a branch's login. Publishing needs your own branch's login.",
        });
      }
      const months = publish('server');
      status.server = server.trim();
      return { months, taken: months, path: null };
    },
    publishToFile: async (path, branch) => {
      if (branch.trim() === '') {
        throw refusal({
          field: 'branchName',
          reason: 'required',
          message: 'Vul de naam van je afdeling in, zoals het landelijk bureau die kent.',
          messageEn: "Fill in your branch's name as the national office knows it.",
        });
      }
      const months = publish('file');
      return { months, taken: months, path };
    },
  } satisfies Partial<Backend>;
}

export type FakeBackend = { [K in keyof Backend]: Mock<Backend[K]> };

/**
 * A backend whose every command answers from the fixtures; pass overrides for the test at hand.
 * The safety commands keep their state in `vault` (by default open, encrypted, three backups, no
 * second location), the sharing commands theirs in `sharing` (by default not sharing); the privacy
 * settings and the retention review keep theirs per backend.
 */
export function fakeBackend(overrides: Partial<Backend> = {}, vault: FakeVault = fakeVault(), sharing: FakeSharing = fakeSharing()): FakeBackend {
  const fake: Backend = {
    ...safetyCommands(vault),
    ...sharingCommands(sharing),
    ...privacyCommands(structuredClone(PRIVACY)),
    ...importCommands(),
    ...reportCommands(),
    ...nationalCommands(),
    ...publishingCommands(),
    ...fundingCommands(),
    ...storyCommands(),
    ...goalCommands(),
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
    ...hourCommands(),
    monthOverview: async () => MONTH,
    listParticipants: async () => PARTICIPANT_ROWS,
    getParticipant: async () => structuredClone(PARTICIPANT_DETAIL),
    createParticipant: async (input) => ({ id: 'd-new', ...savedParticipant(input) }),
    updateParticipant: async (id, input) => ({ id, ...savedParticipant(input) }),
    matchRoom: async () => [],
    organisations: async () => structuredClone(ORGANISATIONS),
    saveOrganisation: async (id, input) => {
      const saved: Organisation = {
        id: id ?? 'o-new',
        name: input.name.trim(),
        what: input.what || null,
        kinds: input.kinds as ProfessionalKind[],
        domains: input.domains as LifeDomain[],
        contact: input.contact || null,
        openingHours: input.openingHours || null,
        notes: input.notes || null,
      };
      return [...ORGANISATIONS.filter((o) => o.id !== id), saved].sort((a, b) => a.name.localeCompare(b.name));
    },
    removeOrganisation: async (id) => ORGANISATIONS.filter((o) => o.id !== id),
    organisationsFor: async (_matchId, kind) => ORGANISATIONS.filter((o) => o.kinds.includes(kind)),
    signalGuides: async () => structuredClone(RULE_GUIDES),
    setSignalGuide: async (input) =>
      RULE_GUIDES.map((g) =>
        g.rule !== input.rule
          ? structuredClone(g)
          : input.why === ''
            ? structuredClone(g)
            : {
                rule: g.rule,
                guide: {
                  ...g.guide,
                  why: input.why,
                  whyEn: input.why,
                  questions: input.questions.split('\n'),
                  questionsEn: input.questions.split('\n'),
                  professional: input.professional,
                  professionalEn: input.professional,
                  edited: true,
                },
              },
      ),
    getMatch: async () => structuredClone(MATCH_DETAIL),
    endMatch: async (_id, input) => endedWith(input),
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
    attentionList: async () => overviewOf(structuredClone(ATTENTION)),
    getSignal: async (id) => structuredClone(id === CASE_SIGNAL.id ? CASE_SIGNAL_DETAIL : SIGNAL_DETAIL),
    actOnSignal: async (id, input) => actedOn(id === CASE_SIGNAL.id ? CASE_SIGNAL_DETAIL : SIGNAL_DETAIL, input),
    volunteerSignals: async () => structuredClone(VOLUNTEER_SIGNALS),
    volunteerSupport: async () => structuredClone(SUPPORT),
    recordSupport: async (_id, input) => supportAfter(SUPPORT, input),
    listThresholds: async (programmeId) => thresholdsFor(programmeId),
    setThreshold: async (input) => thresholdsAfter(input),
    setRequiredTraining: async () => null,
    supportSettings: async () => structuredClone(SUPPORT_SETTINGS),
    setSupportSettings: async (input) => settingsAfter(input),
    volunteerLoad: async () => structuredClone(LOAD),
    branchTrend: async () => structuredClone(TREND),
    chooseFolder: async () => USB_FOLDER,
    chooseSaveFile: async (defaultName) => `${DOCUMENTS}/${defaultName}`,
    exportPerson: async (input) => exportedTo(input.path),
    erasePerson: async () => structuredClone(ERASURE),
    auditLog: async (limit) => structuredClone(AUDIT.slice(0, limit)),
    about: async () => structuredClone(ABOUT),
    openFolder: async () => null,
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
  return {
    name: input.name,
    description: input.description || null,
    maxMonths: months === '' ? null : Number(months),
    active: input.active,
    requiredTraining: null,
  };
}

function savedParticipant(input: ParticipantInput): Omit<Participant, 'id'> {
  return {
    label: input.label.trim(),
    contact: input.contact.trim() || null,
    consentDate: iso(input.consentDate) || null,
    consentBy: input.consentBy.trim() || null,
    consentScope: input.consentScope.trim() || null,
    municipalityId: input.municipalityId,
    municipalityName: MUNICIPALITIES.find((m) => m.id === input.municipalityId)?.name ?? null,
  };
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

/** A moment (RFC 3339, UTC) at this local time, so that the window shows `14:05` in any time zone. */
export function momentAt(local: string): string {
  return new Date(local).toISOString().replace('.000Z', 'Z');
}

/** The folder a branch is shared in: a OneDrive folder the coordinators all sync. */
export const SHARED_FOLDER = '/home/marieke/OneDrive - Humanitas/Draagkracht';

/**
 * The organisation's server as its IT person gives the address, password and all. The window
 * shows it as `SERVER_ADDRESS_SHOWN`.
 */
export const SERVER_ADDRESS = 'postgres://humanitas:wachtwoord@server.humanitas.nl/draagkracht';
export const SERVER_ADDRESS_SHOWN = 'postgres://humanitas:••••@server.humanitas.nl/draagkracht';

/** True for a server's address, as the backend decides it. */
function onServer(path: string | null): boolean {
  return path !== null && /^postgres(ql)?:\/\//.test(path.trim());
}

/** The one-time code the fake's invitation makes, and the one its shared folder accepts. */
export const JOIN_CODE = 'M4XR-9TQB-2HJW-7KDP-C3VN';

/** When the fake last synchronised (today, 14:05 here), and when "Nu synchroniseren" does (16:30). */
export const SYNCED_AT = momentAt(`${TODAY}T14:05:00`);
export const SYNCED_NOW = momentAt(`${TODAY}T16:30:00`);

/** An invitation made now is valid until tomorrow, 16:30. */
export const INVITE_EXPIRES = momentAt('2025-11-27T16:30:00');

/**
 * Marieke's laptop (this one), Anna's, the office laptop that has sent nothing yet, and Joost's
 * old laptop, removed from the branch when he left.
 */
export const DEVICES: DeviceInfo[] = [
  { id: 'n-marieke', name: 'Laptop Marieke', thisLaptop: true, lastSeen: momentAt('2025-11-03T09:30:00'), batches: 41n, removed: false },
  { id: 'n-anna', name: 'Laptop Anna', thisLaptop: false, lastSeen: momentAt(`${TODAY}T11:42:00`), batches: 37n, removed: false },
  { id: 'n-office', name: 'Kantoor', thisLaptop: false, lastSeen: null, batches: 0n, removed: false },
  { id: 'n-joost', name: 'Laptop Joost', thisLaptop: false, lastSeen: momentAt('2025-09-30T17:00:00'), batches: 12n, removed: true },
];

/** Three fields Anna's and Marieke's laptops changed while apart, newest first. */
export const TWO_VERSIONS: TwoVersionsItem[] = [
  {
    id: 3n,
    table: 'volunteers',
    record: 'v-anna',
    recordLabel: 'Anna de Vries',
    field: 'phone',
    kept: '06-12345678',
    keptBy: 'Laptop Anna',
    keptAt: momentAt(`${TODAY}T10:12:00`),
    other: '06-87654321',
    otherBy: 'Laptop Marieke',
    otherAt: momentAt(`${TODAY}T09:58:00`),
    noticedAt: SYNCED_AT,
  },
  {
    id: 2n,
    table: 'hour_entries',
    record: 'e-31',
    recordLabel: 'Anna de Vries, 24-11-2025',
    field: 'minutes',
    kept: '120',
    keptBy: 'Laptop Marieke',
    keptAt: momentAt('2025-11-25T16:00:00'),
    other: '90',
    otherBy: 'Laptop Anna',
    otherAt: momentAt('2025-11-25T15:20:00'),
    noticedAt: SYNCED_AT,
  },
  {
    id: 1n,
    table: 'participants',
    record: 'd-017',
    recordLabel: 'D-017',
    field: 'contact',
    kept: '',
    keptBy: 'Laptop Anna',
    keptAt: momentAt('2025-11-24T12:00:00'),
    other: 'Belt liever na 10 uur',
    otherBy: 'Laptop Marieke',
    otherAt: momentAt('2025-11-24T11:30:00'),
    noticedAt: momentAt('2025-11-24T13:00:00'),
  },
];

/** This laptop does not share its branch (yet). */
export const NOT_SHARING: SharingStatus = {
  sharing: false,
  branchId: null,
  deviceName: null,
  place: null,
  changesWaiting: 0n,
  devices: [],
  twoVersions: 0,
  lastSyncedAt: null,
  lastFailure: null,
};

/** Marieke's laptop shares the branch in `SHARED_FOLDER` with two others; 3 changes wait to be sent. */
export const SHARING: SharingStatus = {
  sharing: true,
  branchId: 'b-humanitas-oost',
  deviceName: 'Laptop Marieke',
  place: SHARED_FOLDER,
  changesWaiting: 3n,
  devices: DEVICES,
  twoVersions: TWO_VERSIONS.length,
  lastSyncedAt: SYNCED_AT,
  lastFailure: null,
};

/**
 * The branch behind the fake's sharing commands: this laptop's status and its "Twee versies"; the
 * folder a colleague shares the branch in, with an invitation for `joinCode`; whether the shared
 * folder can be reached; and what the next sync brings from the other laptops.
 */
export type FakeSharing = {
  status: SharingStatus;
  twoVersions: TwoVersionsItem[];
  branchFolder: string;
  joinCode: string;
  reachable: boolean;
  incoming: { changes: number; twoVersions: TwoVersionsItem[]; problems: SyncProblem[] };
};

/** Not sharing, the folder reachable; pass what a test needs otherwise (`sharingBranch()` for a shared one). */
export function fakeSharing(overrides: Partial<FakeSharing> = {}): FakeSharing {
  return {
    status: structuredClone(NOT_SHARING),
    twoVersions: [],
    branchFolder: SHARED_FOLDER,
    joinCode: JOIN_CODE,
    reachable: true,
    incoming: { changes: 0, twoVersions: [], problems: [] },
    ...overrides,
  };
}

/** A branch this laptop shares: `SHARING` with `TWO_VERSIONS`; 5 changes from Anna wait in the folder. */
export function sharingBranch(overrides: Partial<FakeSharing> = {}): FakeSharing {
  return fakeSharing({
    status: structuredClone(SHARING),
    twoVersions: structuredClone(TWO_VERSIONS),
    incoming: { changes: 5, twoVersions: [], problems: [] },
    ...overrides,
  });
}

/** The failure of a shared folder (or the server) that cannot be reached, as the backend words it. */
export function unreachable(path: string): ApiError {
  if (onServer(path)) {
    return {
      code: 'unreachable',
      message:
        'De server is niet bereikbaar. Je wijzigingen blijven op deze laptop bewaard. Controleer je internetverbinding, of vraag je beheerder of de server aan staat.',
      messageEn:
        "The server cannot be reached. Your changes stay safe on this laptop. Check your internet connection, or ask your administrator whether the server is running.",
      field: null,
      reason: null,
    };
  }
  return {
    code: 'unreachable',
    message: `De gedeelde map ${path} is niet bereikbaar. Je werk blijft bewaard op deze laptop; Draagkracht probeert het later opnieuw.`,
    messageEn: `The shared folder ${path} cannot be reached. Your work is kept on this laptop; Draagkracht will try again later.`,
    field: null,
    reason: null,
  };
}

const NOT_SHARING_YET: ApiError = {
  code: 'not_found',
  message: 'Deze laptop deelt zijn afdeling nog niet. Kies eerst een gedeelde map.',
  messageEn: 'This laptop does not share its branch yet. Choose a shared folder first.',
  field: null,
  reason: null,
};

// The backend's sharing refusals name no field (yet): the window tells it from the words.
function checkDeviceName(name: string): string {
  if (name.trim() === '') {
    throw refusal({
      field: 'name',
      reason: 'required',
      message: "Geef deze laptop een naam, zodat je collega's hem herkennen.",
      messageEn: 'Give this laptop a name your colleagues will recognise.',
    });
  }
  return name.trim();
}

/** The sharing commands over `sharing`, as the api answers them. */
function sharingCommands(sharing: FakeSharing) {
  const status = (): SharingStatus => ({ ...structuredClone(sharing.status), twoVersions: sharing.twoVersions.length });
  const sync = (): SyncReport => {
    if (!sharing.status.sharing || sharing.status.place === null) throw NOT_SHARING_YET;
    if (!sharing.reachable) {
      const failure = unreachable(sharing.status.place);
      sharing.status.lastFailure = failure;
      throw failure;
    }
    const sent = Number(sharing.status.changesWaiting);
    const { changes, twoVersions, problems } = sharing.incoming;
    sharing.twoVersions = [...structuredClone(twoVersions), ...sharing.twoVersions];
    sharing.incoming = { changes: 0, twoVersions: [], problems: [] };
    sharing.status = { ...sharing.status, changesWaiting: 0n, lastSyncedAt: SYNCED_NOW, lastFailure: null };
    return {
      sentBatches: sent > 0 ? 1 : 0,
      sentChanges: sent,
      receivedBatches: changes > 0 ? 1 : 0,
      receivedChanges: changes,
      changedHere: changes,
      newTwoVersions: twoVersions.length,
      waitingBatches: 0,
      problems: structuredClone(problems),
      changesWaiting: 0n,
    };
  };
  return {
    sharingStatus: async () => status(),
    shareInFolder: async (path, deviceName) => {
      const name = checkDeviceName(deviceName);
      if (sharing.status.sharing && (onServer(path) || onServer(sharing.status.place))) {
        throw refusal({
          reason: null,
          message: 'Deze afdeling werkt al samen. Een andere map kiezen kan; wisselen tussen map en server nog niet.',
          messageEn: 'This branch already works together. Choosing another folder is possible; switching between folder and server is not yet.',
        });
      }
      if (!sharing.reachable) throw unreachable(path);
      sharing.status = sharing.status.sharing
        ? { ...sharing.status, place: path, lastFailure: null }
        : {
            ...structuredClone(NOT_SHARING),
            sharing: true,
            branchId: 'b-new',
            deviceName: name,
            place: path,
            devices: [{ id: 'n-here', name, thisLaptop: true, lastSeen: SYNCED_NOW, batches: 0n, removed: false }],
            lastSyncedAt: SYNCED_NOW,
          };
      return status();
    },
    inviteLaptop: async () => {
      if (!sharing.status.sharing || sharing.status.place === null) throw NOT_SHARING_YET;
      if (!sharing.reachable) throw unreachable(sharing.status.place);
      return { code: sharing.joinCode, expiresAt: INVITE_EXPIRES };
    },
    joinBranch: async (path, code, deviceName, onProgress: (progress: JoinProgress) => void) => {
      const name = checkDeviceName(deviceName);
      const typed = normalCode(code);
      if (typed === null) {
        throw refusal({
          field: 'recoveryCode',
          reason: 'invalid_format',
          message: 'Een code heeft 20 letters en cijfers, zoals ABCD-EFGH-JKMN-PQRS-TVWX.',
          messageEn: 'A code has 20 letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX.',
        });
      }
      if (!sharing.reachable) throw unreachable(path);
      if (path !== sharing.branchFolder) {
        throw refusal({
          code: 'not_found',
          reason: null,
          message: `In ${path} staat geen uitnodiging met deze code. Kijk of het de goede plek is en of de code nog geldig is.`,
          messageEn: `${path} holds no invitation with this code. Check the place, and that the code is still valid.`,
        });
      }
      if (typed !== normalCode(sharing.joinCode)) {
        throw {
          code: 'wrong_passphrase',
          message: 'Deze code klopt niet. Er is niets veranderd; kijk de code na.',
          messageEn: 'This code is not right. Nothing was changed; please check the code.',
          field: 'recoveryCode',
          reason: null,
        } satisfies ApiError;
      }
      for (let step = 0; step <= 3; step++) onProgress({ step, steps: 3 });
      sharing.status = {
        ...structuredClone(SHARING),
        deviceName: name,
        place: path,
        changesWaiting: 0n,
        devices: [
          { id: 'n-here', name, thisLaptop: true, lastSeen: SYNCED_NOW, batches: 1n, removed: false },
          { id: 'n-marieke', name: 'Laptop Marieke', thisLaptop: false, lastSeen: SYNCED_AT, batches: 41n, removed: false },
        ],
        lastSyncedAt: SYNCED_NOW,
      };
      return { branchId: SHARING.branchId ?? '', records: 1234n, sync: sync() };
    },
    syncNow: async () => sync(),
    removeLaptop: async (deviceId) => {
      if (!sharing.status.sharing || sharing.status.place === null) throw NOT_SHARING_YET;
      const device = sharing.status.devices.find((d) => d.id === deviceId.trim());
      if (device?.thisLaptop) {
        throw refusal({ reason: null, message: 'Kies een andere laptop van de afdeling dan deze.', messageEn: 'Choose another laptop of the branch than this one.' });
      }
      if (!device || device.removed) {
        throw refusal({ code: 'not_found', reason: null, message: 'Deze laptop bestaat niet (meer).', messageEn: 'This laptop does not exist (any more).' });
      }
      if (!sharing.reachable) throw unreachable(sharing.status.place);
      sharing.status = {
        ...sharing.status,
        devices: sharing.status.devices.map((d) => (d === device ? { ...d, removed: true } : d)),
      };
      // Laptops that never sent anything have no key of their own yet: they are invited again.
      return sharing.status.devices.filter((d) => !d.thisLaptop && !d.removed && d.lastSeen === null).map((d) => d.name);
    },
    listTwoVersions: async () => structuredClone(sharing.twoVersions),
    settleTwoVersions: async (id, putBack) => {
      const item = sharing.twoVersions.find((v) => Number(v.id) === id);
      if (!item) {
        throw refusal({ code: 'not_found', reason: null, message: 'Deze twee versies bestaan niet (meer).', messageEn: 'These two versions do not exist (any more).' });
      }
      sharing.twoVersions = sharing.twoVersions.filter((v) => v !== item);
      if (putBack) sharing.status.changesWaiting = BigInt(Number(sharing.status.changesWaiting) + 1);
      return null;
    },
  } satisfies Partial<Backend>;
}

/**
 * A backend whose logHours asks "Klopt dat?" (`long_day`) until the entry comes with
 * `confirmLongDay`; the inputs it was called with, and the question it asked.
 */
export function longDayAsked(): { backend: Backend; calls: HourEntryInput[]; question: string } {
  const calls: HourEntryInput[] = [];
  const question = 'Klopt dat? Met deze inzet staat er op 24-11-2025 23 uur bij deze vrijwilliger; dat is meer dan 10 uur op één dag.';
  const backend = fakeBackend({
    logHours: async (input) => {
      calls.push(input);
      if (!input.confirmLongDay) throw refusal({ code: 'long_day', field: null, reason: null, message: question });
      return entryFor(input);
    },
  });
  return { backend, calls, question };
}
