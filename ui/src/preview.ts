import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { setBackend, type Backend } from './api/backend';
import type { HourEntry, VolunteerRow, AppStatus } from './api/bindings';

const params = new URLSearchParams(location.search);
const today = '2025-11-26';
let status: AppStatus = { setUp: params.get('setup') !== '0', demo: true, language: (params.get('lang') as 'nl' | 'en') ?? 'nl', databasePath: '/x', today };
const programmes = [
  { id: 'p1', name: 'Thuisadministratie', description: 'Hulp bij de thuisadministratie: budgetplan, toeslagen, belastingaangifte, post ordenen.', maxMonths: 12, active: true },
  { id: 'p2', name: 'Maatje', description: 'Een vast maatje voor iemand die eenzaam of geïsoleerd is.', maxMonths: 24, active: true },
  { id: 'p3', name: 'Vriendschappelijk huisbezoek', description: 'Vriendschappelijke huisbezoeken bij eenzame, vaak oudere mensen.', maxMonths: null, active: true },
  { id: 'p4', name: 'Steun bij verlies en rouw', description: 'Een luisterend oor na een verlies. Nadrukkelijk geen therapie.', maxMonths: 12, active: true },
  { id: 'p5', name: 'Mantelzorgondersteuning', description: 'Respijt en steun voor mantelzorgers.', maxMonths: null, active: false },
];
const names = ['Anna de Vries', 'Bram Jansen', 'Carla Smit', 'Daan Bakker', 'Esra Yilmaz', 'Femke Visser', 'Gerrit Mulder', 'Hanna de Boer', 'Ilse Meijer', 'Jamal El Amrani'];
const statuses = ['active', 'active', 'resting', 'active', 'intake', 'active', 'stopped', 'active', 'registered', 'active'] as const;
const rows: VolunteerRow[] = names.map((name, i) => ({ id: `v${i}`, name, status: statuses[i]!, programmeNames: [programmes[i % 4]!.name], minutesLastFourWeeks: (i * 137) % 900, lastEntryDate: i % 3 ? '2025-11-2' + (i % 6) : null }));
let n = 0;
const backend: Backend = {
  appStatus: async () => status,
  setUp: async () => { await new Promise((r) => setTimeout(r, 100000)); return status; },
  setLanguage: async (language) => (status = { ...status, language }),
  listProgrammes: async () => programmes,
  createProgramme: async (input) => ({ id: 'x', ...input, description: input.description || null }),
  updateProgramme: async (id, input) => ({ id, ...input, description: input.description || null }),
  listVolunteers: async (f) => rows.filter((r) => r.name.toLowerCase().includes(f.search.toLowerCase()) && (!f.status || r.status === f.status)),
  getVolunteer: async (id) => ({
    volunteer: { id, name: rows.find((r) => r.id === id)?.name ?? 'Anna', email: 'anna@example.nl', phone: '06-12345678', status: 'active', startDate: '2024-03-01', agreedMinutesPerWeek: 240, programmeIds: ['p1'] },
    programmeNames: ['Thuisadministratie'],
    totals: { lastFourWeeks: 930, thisMonth: 690, thisYear: 9870, trainingThisYear: 360 },
    recentEntries: Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, volunteerId: id, volunteerName: 'Anna', date: `2025-11-${String(25 - i * 3).padStart(2, '0')}`, minutes: 60 + i * 30, programmeId: 'p1', programmeName: 'Thuisadministratie', kind: (['support', 'meeting', 'training', 'travel'] as const)[i % 4], note: i % 2 ? 'Post ordenen en toeslag aangevraagd' : null })),
    allowedStatuses: ['active', 'resting', 'stopped'],
  }),
  createVolunteer: async () => { throw { code: 'invalid_input', message: "'anna@' is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl.", messageEn: 'x', field: 'email', reason: 'invalid_format' }; },
  updateVolunteer: async () => { throw { code: 'invalid_input', message: "'anna@' is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl.", messageEn: 'x', field: 'email', reason: 'invalid_format' }; },
  volunteerChoices: async () => rows.filter((r) => r.status === 'active').map((r) => ({ id: r.id, name: r.name, status: r.status, defaultProgrammeId: 'p1' })),
  logHours: async (input) => {
    if (input.duration === '25') throw { code: 'invalid_input', message: 'De duur is 1500 minuten; op één dag kan dat hoogstens 24 uur zijn.', messageEn: 'x', field: 'duration', reason: 'too_large' };
    if (input.duration === '3' && !input.confirmDuplicate) throw { code: 'duplicate_entry', message: 'd', messageEn: 'd', field: null, reason: null };
    return { id: `n${n++}`, volunteerId: input.volunteerId!, volunteerName: rows.find((r) => r.id === input.volunteerId)!.name, date: input.date, minutes: Math.round(Number(input.duration.replace(',', '.')) * 60), programmeId: 'p1', programmeName: 'x', kind: 'support', note: null } as HourEntry;
  },
  deleteHourEntry: async () => null,
  weekGrid: async () => ({ weekStart: '2025-11-24', weekNumber: 48, days: ['2025-11-24', '2025-11-25', '2025-11-26', '2025-11-27', '2025-11-28', '2025-11-29', '2025-11-30'], rows: rows.filter((r) => r.status === 'active').map((r, i) => ({ volunteerId: r.id, name: r.name, defaultProgrammeId: 'p1', minutes: [i * 30, 0, i % 2 ? 90 : 0, 0, 0, 0, 0] })) }),
  monthOverview: async (day) => ({ firstDay: day ?? '2025-11-01', lastDay: '2025-11-30', rows: programmes.slice(0, 4).map((p, i) => ({ programmeId: p.id, name: p.name, minutes: 6000 - i * 1300, trainingMinutes: i * 120, volunteers: 30 - i * 5 })), totalMinutes: 16200, totalTrainingMinutes: 720, volunteersWithHours: 96, activeVolunteers: 112 }),
};
setBackend(backend);
mount(App, { target: document.getElementById('app')! });
