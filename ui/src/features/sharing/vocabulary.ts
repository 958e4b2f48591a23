// The words for a "Twee versies" item: the backend names the table and field as the database
// does (`volunteers`, `phone`), the coordinator reads `vrijwilliger` and `Telefoon`. Their texts
// live in the dictionaries (`sharedTable.*`, `sharedField.*`); a name not listed here is shown
// as it came. The values are shown the way the rest of the window shows them.
import type { HourKind, VolunteerStatus } from '../../api/bindings';
import { formatDate } from '../../format';
import { euro, hoursUnit, t, type MessageKey } from '../../i18n/i18n.svelte';
import { KINDS } from '../hours/kinds';
import { STATUSES } from '../volunteers/statuses';

/** What a shared table holds, for the tables a coordinator changes one field of. */
const TABLES: Record<string, MessageKey> = {
  volunteers: 'sharedTable.volunteers',
  participants: 'sharedTable.participants',
  programmes: 'sharedTable.programmes',
  activities: 'sharedTable.activities',
  hour_entries: 'sharedTable.hour_entries',
  matches: 'sharedTable.matches',
  involvements: 'sharedTable.involvements',
  referrals: 'sharedTable.referrals',
  trainings: 'sharedTable.trainings',
  supervision_contacts: 'sharedTable.supervision_contacts',
  check_ins: 'sharedTable.check_ins',
  allowances: 'sharedTable.allowances',
  settings: 'sharedTable.settings',
};

/**
 * A column's name in words. Most mean the same in every table (`date`, `note`); where one does
 * not, `table.column` says it (`hour_entries.minutes` is the entry's duration).
 */
const FIELDS: Record<string, MessageKey> = {
  _row: 'sharedField.row',
  name: 'sharedField.name',
  email: 'sharedField.email',
  phone: 'sharedField.phone',
  status: 'sharedField.status',
  start_date: 'sharedField.startDate',
  agreed_minutes_per_week: 'sharedField.agreedHours',
  vog_date: 'sharedField.vogDate',
  'hour_entries.minutes': 'sharedField.duration',
  date: 'sharedField.date',
  kind: 'sharedField.kind',
  note: 'sharedField.note',
  programme_id: 'sharedField.programme',
  volunteer_id: 'sharedField.volunteer',
  match_id: 'sharedField.match',
  activity_id: 'sharedField.activity',
  label: 'sharedField.label',
  contact: 'sharedField.contact',
  consent_date: 'sharedField.consentDate',
  consent_by: 'sharedField.consentBy',
  consent_scope: 'sharedField.consentScope',
  description: 'sharedField.description',
  max_months: 'sharedField.maxMonths',
  active: 'sharedField.active',
  required_training: 'sharedField.requiredTraining',
  retention_years: 'sharedField.retentionYears',
  expected_end_date: 'sharedField.expectedEndDate',
  end_date: 'sharedField.endDate',
  end_reason: 'sharedField.endReason',
  one_to_one_at_home: 'sharedField.oneToOneAtHome',
  organisation: 'sharedField.organisation',
  from_date: 'sharedField.fromDate',
  to_date: 'sharedField.toDate',
  to_kind: 'sharedField.toKind',
  to_name: 'sharedField.toName',
  reason: 'sharedField.reason',
  outcome: 'sharedField.outcome',
  'activities.level': 'sharedField.level',
  month: 'sharedField.month',
  amount_cents: 'sharedField.amount',
  answers: 'sharedField.answers',
  'settings.value': 'sharedField.value',
};

/** Columns that hold 0 or 1. */
const YES_NO = new Set(['active', 'one_to_one_at_home', 'solvable_within_year']);

/** Columns that hold minutes, shown as hours. */
const MINUTES = new Set(['hour_entries.minutes', 'volunteers.agreed_minutes_per_week']);

/** The entry for `table.field`, else for `field`; only the map's own entries count. */
function known<T>(map: Record<string, T>, table: string, field: string): T | undefined {
  const own = (name: string) => (Object.hasOwn(map, name) ? map[name] : undefined);
  return own(`${table}.${field}`) ?? own(field);
}

/** `volunteers` → `vrijwilliger`; an unknown table as it came. */
export function tableLabel(table: string): string {
  const key = Object.hasOwn(TABLES, table) ? TABLES[table] : undefined;
  return key ? t(key) : table;
}

/** `volunteers`, `phone` → `Telefoon`; `hour_entries`, `minutes` → `Duur`; an unknown field as it came. */
export function fieldLabel(table: string, field: string): string {
  const key = known(FIELDS, table, field);
  return key ? t(key) : field;
}

/**
 * One version's value as the window shows it elsewhere: empty as `(leeg)`, minutes as hours
 * (`1,5 uur`), dates as `24-11-2025`, cents as euros, 0/1 as nee/ja, a volunteer's status and an
 * entry's kind in words, and a removal as `verwijderd`. Anything else as it came.
 */
export function valueText(table: string, field: string, value: string): string {
  if (value === '') return t('twoVersions.blank');
  const whole = /^-?\d+$/.test(value) ? Number(value) : null;
  if (field === '_row') return rowText(table, value);
  if (MINUTES.has(`${table}.${field}`) && whole !== null) return hoursUnit(whole);
  if (field === 'amount_cents' && whole !== null) return euro(whole);
  if (YES_NO.has(field) && (value === '0' || value === '1')) return value === '1' ? t('common.yes') : t('common.no');
  if (table === 'volunteers' && field === 'status' && (STATUSES as readonly string[]).includes(value)) return t(`status.${value as VolunteerStatus}`);
  if (table === 'hour_entries' && field === 'kind' && (KINDS as readonly string[]).includes(value)) return t(`kind.${value as HourKind}`);
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return formatDate(value);
  return value;
}


/**
 * A row's existence: removed, there, or — kept when another laptop removed the row while this one
 * edited it — the edits themselves (`{"value":5}` → `Gewijzigd: Waarde 5`).
 */
function rowText(table: string, value: string): string {
  if (value === '0') return t('twoVersions.removed');
  if (!value.startsWith('{')) return t('twoVersions.exists');
  try {
    const edits = JSON.parse(value) as Record<string, unknown>;
    const parts = Object.entries(edits).map(
      ([field, v]) => `${fieldLabel(table, field)} ${valueText(table, field, v === null ? '' : String(v))}`,
    );
    return t('twoVersions.edited', { fields: parts.join(', ') });
  } catch {
    return value;
  }
}
