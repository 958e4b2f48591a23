// The seam: commands go out under their Rust names with camelCase argument keys, and whatever a
// command rejects with comes back as an ApiError.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { tauriBackend, toApiError } from './backend';
import type { EndMatchInput } from './bindings';

afterEach(() => clearMocks());

describe('tauriBackend', () => {
  it('calls each command by its Rust name with camelCase arguments', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await tauriBackend.weekGrid('2025-11-24');
    await tauriBackend.monthOverview(null);
    await tauriBackend.updateVolunteer('v-1', {
      name: 'A',
      email: '',
      phone: '',
      status: 'active',
      startDate: '2025-01-01',
      agreedHoursPerWeek: '',
      programmeIds: [],
    });
    await tauriBackend.setUp('demo');
    expect(calls.map(([cmd]) => cmd)).toEqual(['week_grid', 'month_overview', 'update_volunteer', 'set_up']);
    expect(calls[0]?.[1]).toEqual({ day: '2025-11-24' });
    expect(calls[1]?.[1]).toEqual({ day: null });
    expect(calls[2]?.[1]).toMatchObject({ id: 'v-1', input: { name: 'A' } });
    expect(calls[3]?.[1]).toEqual({ choice: 'demo' });
  });

  it('calls the case commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const referral = { date: '26-11-2025', toKind: 'wijkteam', toName: '', reason: 'x', outcome: '' };
    const involvement = { kind: 'gp', name: '', organisation: '', fromDate: '01-11-2025', toDate: '' };
    const activity = { programmeId: 'p-1', name: 'Bezoek', level: 'volunteer', active: true };
    await tauriBackend.listParticipants('d-0');
    await tauriBackend.getParticipant('d-1');
    const participant = { label: 'D-1', municipalityId: 'g-1', contact: '', consentDate: '', consentBy: 'Marieke', consentScope: 'gegevens voor de koppeling' };
    await tauriBackend.createParticipant(participant);
    await tauriBackend.updateParticipant('d-1', participant);
    const match = { participantId: 'd-1', programmeId: 'p-1', volunteerIds: ['v-1'], startDate: '', expectedEndDate: '', oneToOneAtHome: true, goalIds: ['goal-1'] };
    await tauriBackend.createMatch(match);
    await tauriBackend.getMatch('m-1');
    const ending: EndMatchInput = { endDate: '26-11-2025', reason: 'klaar', results: [{ goalId: 'goal-1', result: 'partly' }] };
    await tauriBackend.endMatch('m-1', ending);
    await tauriBackend.assessCase('m-1', { date: '', domains: ['money'], solvableWithinYear: false, markers: [], zrm: null, note: '' });
    await tauriBackend.addProfessional('m-1', involvement);
    await tauriBackend.updateProfessional('i-1', involvement);
    await tauriBackend.logReferral('m-1', referral);
    await tauriBackend.updateReferral('r-1', referral);
    await tauriBackend.listActivities(null);
    await tauriBackend.createActivity(activity);
    await tauriBackend.updateActivity('a-1', activity);
    await tauriBackend.volunteerMatches('v-1');
    await tauriBackend.caseVocabulary();
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['list_participants', ['search']],
      ['get_participant', ['id']],
      ['create_participant', ['input']],
      ['update_participant', ['id', 'input']],
      ['create_match', ['input']],
      ['get_match', ['id']],
      ['end_match', ['id', 'input']],
      ['assess_case', ['matchId', 'input']],
      ['add_professional', ['matchId', 'input']],
      ['update_professional', ['id', 'input']],
      ['log_referral', ['matchId', 'input']],
      ['update_referral', ['id', 'input']],
      ['list_activities', ['programmeId']],
      ['create_activity', ['input']],
      ['update_activity', ['id', 'input']],
      ['volunteer_matches', ['volunteerId']],
      ['case_vocabulary', []],
    ]);
    expect(calls[2]?.[1]).toEqual({ input: participant });
    expect(calls[4]?.[1]).toEqual({ input: match });
    expect(calls[6]?.[1]).toEqual({ id: 'm-1', input: ending });
    expect(calls[7]?.[1]).toMatchObject({ matchId: 'm-1', input: { domains: ['money'], zrm: null } });
    expect(calls[12]?.[1]).toEqual({ programmeId: null });
  });

  it('calls the signal commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await tauriBackend.attentionList();
    await tauriBackend.getSignal('s-1');
    await tauriBackend.actOnSignal('s-1', { action: 'resolve', resolution: 'conversation', note: 'Gesproken', date: '' });
    await tauriBackend.volunteerSignals('v-1');
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['attention_list', []],
      ['get_signal', ['id']],
      ['act_on_signal', ['id', 'input']],
      ['volunteer_signals', ['volunteerId']],
    ]);
    expect(calls[2]?.[1]).toEqual({ id: 's-1', input: { action: 'resolve', resolution: 'conversation', note: 'Gesproken', date: '' } });
    expect(calls[3]?.[1]).toEqual({ volunteerId: 'v-1' });
  });

  it('calls the support and threshold commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await tauriBackend.volunteerSupport('v-1');
    await tauriBackend.recordSupport('v-1', { type: 'allowance', month: '03-2025', amount: '105,50' });
    await tauriBackend.listThresholds('p-1');
    await tauriBackend.setThreshold({ programmeId: 'p-1', key: 'quiet_days', value: '' });
    await tauriBackend.setRequiredTraining('p-1', 'Basistraining');
    await tauriBackend.supportSettings();
    await tauriBackend.setSupportSettings({ vogYears: '3', perHour21Plus: '5,60', perHourUnder21: '3,30', perMonth: '210', perYear: '2100' });
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['volunteer_support', ['id']],
      ['record_support', ['id', 'input']],
      ['list_thresholds', ['programmeId']],
      ['set_threshold', ['input']],
      ['set_required_training', ['id', 'training']],
      ['support_settings', []],
      ['set_support_settings', ['input']],
    ]);
    expect(calls[1]?.[1]).toEqual({ id: 'v-1', input: { type: 'allowance', month: '03-2025', amount: '105,50' } });
    expect(calls[3]?.[1]).toEqual({ input: { programmeId: 'p-1', key: 'quiet_days', value: '' } });
    expect(calls[4]?.[1]).toEqual({ id: 'p-1', training: 'Basistraining' });
  });

  it('calls the load and trend commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await tauriBackend.volunteerLoad('v-1');
    await tauriBackend.branchTrend();
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['volunteer_load', ['id']],
      ['branch_trend', []],
    ]);
    expect(calls[0]?.[1]).toEqual({ id: 'v-1' });
  });

  it('calls the safety commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await tauriBackend.databaseAccess();
    await tauriBackend.createDatabase({ passphrase: null, repeat: null });
    await tauriBackend.unlock('fiets lamp oktober');
    await tauriBackend.lock();
    await tauriBackend.changePassphrase({ current: '', passphrase: 'fiets lamp oktober', repeat: 'fiets lamp oktober' });
    await tauriBackend.listBackups();
    await tauriBackend.makeBackup();
    await tauriBackend.restoreBackup({
      file: 'b.sqlite',
      passphrase: null,
      recoveryCode: 'K7QF-3MZP-W8TD-A2XN-H6RB',
      newPassphrase: 'zeilboot regen piano',
      repeat: 'zeilboot regen piano',
    });
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['database_access', []],
      ['create_database', ['input']],
      ['unlock', ['passphrase']],
      ['lock', []],
      ['change_passphrase', ['input']],
      ['list_backups', []],
      ['make_backup', []],
      ['restore_backup', ['input']],
    ]);
    expect(calls[1]?.[1]).toEqual({ input: { passphrase: null, repeat: null } });
    expect(calls[2]?.[1]).toEqual({ passphrase: 'fiets lamp oktober' });
    expect(calls[4]?.[1]).toEqual({ input: { current: '', passphrase: 'fiets lamp oktober', repeat: 'fiets lamp oktober' } });
    expect(calls[7]?.[1]).toEqual({
      input: {
        file: 'b.sqlite',
        passphrase: null,
        recoveryCode: 'K7QF-3MZP-W8TD-A2XN-H6RB',
        newPassphrase: 'zeilboot regen piano',
        repeat: 'zeilboot regen piano',
      },
    });
  });

  it('calls the privacy and backup-location commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await tauriBackend.exportPerson({ person: { kind: 'volunteer', id: 'v-1' }, path: '/tmp/inzage-Anna.json' });
    await tauriBackend.erasePerson({ kind: 'participant', id: 'd-1' });
    await tauriBackend.retentionReview();
    await tauriBackend.anonymiseParticipants(['d-1', 'd-2']);
    await tauriBackend.privacySettings();
    await tauriBackend.setCoordinatorName('Marieke');
    await tauriBackend.setRetention({ programmeId: 'p-1', years: '2' });
    await tauriBackend.auditLog(200);
    await tauriBackend.backupSettings();
    await tauriBackend.setBackupLocation('/media/usb');
    await tauriBackend.setBackupLocation(null);
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['export_person', ['input']],
      ['erase_person', ['person']],
      ['retention_review', []],
      ['anonymise_participants', ['ids']],
      ['privacy_settings', []],
      ['set_coordinator_name', ['name']],
      ['set_retention', ['input']],
      ['audit_log', ['limit']],
      ['backup_settings', []],
      ['set_backup_location', ['path']],
      ['set_backup_location', ['path']],
    ]);
    expect(calls[0]?.[1]).toEqual({ input: { person: { kind: 'volunteer', id: 'v-1' }, path: '/tmp/inzage-Anna.json' } });
    expect(calls[1]?.[1]).toEqual({ person: { kind: 'participant', id: 'd-1' } });
    expect(calls[3]?.[1]).toEqual({ ids: ['d-1', 'd-2'] });
    expect(calls[6]?.[1]).toEqual({ input: { programmeId: 'p-1', years: '2' } });
    expect(calls[7]?.[1]).toEqual({ limit: 200 });
    expect(calls[10]?.[1]).toEqual({ path: null });
  });

  it('calls the import and interchange commands with the argument keys the Rust side expects', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    mockIPC((cmd, args) => {
      const given = (args ?? {}) as Record<string, unknown>;
      calls.push([cmd, given]);
      if (cmd === 'run_import') {
        // The Rust side sends progress over the channel it was given, then answers.
        const channel = given.progress as { id: number };
        const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__;
        internals.runCallback(channel.id, { index: 0, message: { done: 1, total: 2 } });
        internals.runCallback(channel.id, { index: 1, message: { done: 2, total: 2 } });
        return { added: 2, existing: 0 };
      }
      return null;
    });
    const input = { path: '/tmp/vrijwilligers.xlsx', sheet: null, kind: 'volunteers', columns: [{ index: 0, field: 'volunteer_name' }] } as const;
    const heard: unknown[] = [];
    await tauriBackend.readSheet('/tmp/vrijwilligers.xlsx', null);
    await tauriBackend.readSheet('/tmp/vrijwilligers.xlsx', 'Uren');
    await tauriBackend.dryRunImport({ ...input, columns: [...input.columns] });
    expect(await tauriBackend.runImport({ ...input, columns: [...input.columns] }, (p) => heard.push(p))).toEqual({ added: 2, existing: 0 });
    await tauriBackend.exportAllData('/tmp/draagkracht-alles.json');
    await tauriBackend.importAllData('/tmp/draagkracht-alles.json');
    expect(calls.map(([cmd, args]) => [cmd, Object.keys(args)])).toEqual([
      ['read_sheet', ['path', 'sheet']],
      ['read_sheet', ['path', 'sheet']],
      ['dry_run_import', ['input']],
      ['run_import', ['input', 'progress']],
      ['export_all_data', ['path']],
      ['import_all_data', ['path']],
    ]);
    expect(calls[0]?.[1]).toEqual({ path: '/tmp/vrijwilligers.xlsx', sheet: null });
    expect(calls[1]?.[1]).toEqual({ path: '/tmp/vrijwilligers.xlsx', sheet: 'Uren' });
    expect(calls[2]?.[1]).toEqual({ input });
    expect(calls[3]?.[1].input).toEqual(input);
    // The channel goes over IPC as a reference the Rust side can send on.
    expect(JSON.stringify(calls[3]?.[1].progress)).toMatch(/^"__CHANNEL__:\d+"$/);
    expect(heard).toEqual([
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ]);
    expect(calls[4]?.[1]).toEqual({ path: '/tmp/draagkracht-alles.json' });
  });

  it('calls the sharing commands with the argument keys the Rust side expects, and hears how far joining is', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    mockIPC((cmd, args) => {
      const given = (args ?? {}) as Record<string, unknown>;
      calls.push([cmd, given]);
      if (cmd === 'join_branch') {
        const channel = given.progress as { id: number };
        const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__;
        internals.runCallback(channel.id, { index: 0, message: { step: 1, steps: 3 } });
        internals.runCallback(channel.id, { index: 1, message: { step: 3, steps: 3 } });
        return { branchId: 'b-1', records: 12 };
      }
      if (cmd === 'remove_laptop') return ['Kantoor'];
      return null;
    });
    const heard: unknown[] = [];
    await tauriBackend.sharingStatus();
    await tauriBackend.shareInFolder('/home/marieke/OneDrive/Draagkracht', 'Laptop Marieke');
    await tauriBackend.inviteLaptop();
    expect(await tauriBackend.joinBranch('/media/usb/draagkracht', 'k7qf 3mzp', 'Laptop Anna', (p) => heard.push(p))).toMatchObject({ branchId: 'b-1' });
    await tauriBackend.syncNow();
    await tauriBackend.listTwoVersions();
    await tauriBackend.settleTwoVersions(7, true);
    expect(await tauriBackend.removeLaptop('n-anna')).toEqual(['Kantoor']);
    await tauriBackend.shareInFolder('postgres://humanitas:geheim@server.humanitas.nl/draagkracht', 'Laptop Marieke');
    expect(calls.map(([cmd, args]) => [cmd, Object.keys(args)])).toEqual([
      ['sharing_status', []],
      ['share_in_folder', ['path', 'deviceName']],
      ['invite_laptop', []],
      ['join_branch', ['path', 'code', 'deviceName', 'progress']],
      ['sync_now', []],
      ['two_versions', []],
      ['settle_two_versions', ['id', 'putBack']],
      ['remove_laptop', ['device']],
      ['share_in_folder', ['path', 'deviceName']],
    ]);
    expect(calls[1]?.[1]).toEqual({ path: '/home/marieke/OneDrive/Draagkracht', deviceName: 'Laptop Marieke' });
    expect(calls[3]?.[1]).toMatchObject({ path: '/media/usb/draagkracht', code: 'k7qf 3mzp', deviceName: 'Laptop Anna' });
    expect(JSON.stringify(calls[3]?.[1].progress)).toMatch(/^"__CHANNEL__:\d+"$/);
    expect(heard).toEqual([
      { step: 1, steps: 3 },
      { step: 3, steps: 3 },
    ]);
    expect(calls[6]?.[1]).toEqual({ id: 7, putBack: true });
    expect(calls[7]?.[1]).toEqual({ device: 'n-anna' });
    // The server's address goes as the path, as typed.
    expect(calls[8]?.[1]).toEqual({ path: 'postgres://humanitas:geheim@server.humanitas.nl/draagkracht', deviceName: 'Laptop Marieke' });
  });

  it('calls the goal commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return [];
    });
    const goal = { name: 'Schulden in beeld', active: false };
    await tauriBackend.goals('p-1');
    await tauriBackend.saveGoal('p-1', null, goal);
    await tauriBackend.saveGoal('p-1', 'goal-1', goal);
    expect(calls).toEqual([
      ['goals', { programmeId: 'p-1' }],
      ['save_goal', { programmeId: 'p-1', id: null, input: goal }],
      ['save_goal', { programmeId: 'p-1', id: 'goal-1', input: goal }],
    ]);
  });

  it('calls the municipality and subsidy commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return [];
    });
    const subsidy = { name: 'Wmo 2025', funder: 'Gemeente Zeist', municipalityId: 'g-1', from: '1-1-2025', to: '31-12-2025', programmeIds: ['p-1'], amount: '€ 12.500' };
    await tauriBackend.municipalities();
    await tauriBackend.saveMunicipality(null, 'Zeist');
    await tauriBackend.saveMunicipality('g-1', 'Zeist');
    await tauriBackend.removeMunicipality('g-1');
    await tauriBackend.subsidies();
    await tauriBackend.saveSubsidy(null, subsidy);
    await tauriBackend.removeSubsidy('s-1');
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['municipalities', []],
      ['save_municipality', ['id', 'name']],
      ['save_municipality', ['id', 'name']],
      ['remove_municipality', ['id']],
      ['subsidies', []],
      ['save_subsidy', ['id', 'input']],
      ['remove_subsidy', ['id']],
    ]);
    expect(calls[1]?.[1]).toEqual({ id: null, name: 'Zeist' });
    expect(calls[2]?.[1]).toEqual({ id: 'g-1', name: 'Zeist' });
    expect(calls[5]?.[1]).toEqual({ id: null, input: subsidy });
    expect(calls[6]?.[1]).toEqual({ id: 's-1' });
  });

  it('calls the story commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return [];
    });
    const story = { title: 'Weer grip op de post', text: 'Een vrijwilliger hielp een gezin.', from: '1-1-2025', to: '30-6-2025' };
    await tauriBackend.stories();
    await tauriBackend.saveStory(null, story);
    await tauriBackend.saveStory('st-1', story);
    await tauriBackend.chooseStory('st-1', true);
    await tauriBackend.removeStory('st-1');
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['stories', []],
      ['save_story', ['id', 'input']],
      ['save_story', ['id', 'input']],
      ['choose_story', ['id', 'inReport']],
      ['remove_story', ['id']],
    ]);
    expect(calls[1]?.[1]).toEqual({ id: null, input: story });
    expect(calls[2]?.[1]).toEqual({ id: 'st-1', input: story });
    expect(calls[3]?.[1]).toEqual({ id: 'st-1', inReport: true });
    expect(calls[4]?.[1]).toEqual({ id: 'st-1' });
  });

  it('calls the report commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const input = { from: '2025-01-01', to: '2025-12-31', programmeId: null, municipalityId: 'g-1', subsidyId: null, audience: 'funder', language: 'nl' } as const;
    const settings = { branchName: 'Humanitas Oost', hourRate: '14,06', hourRateSource: 'Afspraak met de gemeente' };
    await tauriBackend.reportSettings();
    await tauriBackend.setReportSettings(settings);
    await tauriBackend.previewReport({ ...input });
    await tauriBackend.exportReport({ ...input, programmeId: 'p-1' }, 'csv_rfc', '/tmp/rapportage-2025-financier.csv');
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['report_settings', []],
      ['set_report_settings', ['input']],
      ['preview_report', ['input']],
      ['export_report', ['input', 'format', 'path']],
    ]);
    expect(calls[1]?.[1]).toEqual({ input: settings });
    expect(calls[2]?.[1]).toEqual({ input });
    expect(calls[3]?.[1]).toEqual({ input: { ...input, programmeId: 'p-1' }, format: 'csv_rfc', path: '/tmp/rapportage-2025-financier.csv' });
  });

  it('calls the national commands with the argument keys the Rust side expects', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const server = 'postgres://landelijk:geheim@server.example.nl/draagkracht';
    const request = {
      server,
      from: '2025-01-01',
      to: '2025-12-31',
      audience: 'funder',
      language: 'nl',
      region: 'Oost',
      branches: [],
      municipality: null,
    } as const;
    await tauriBackend.nationalConnect(server);
    await tauriBackend.nationalPreview({ ...request, branches: [] });
    await tauriBackend.nationalExport({ ...request, branches: [] }, 'pdf', '/tmp/landelijk-overzicht-2025.pdf');
    await tauriBackend.publishingStatus();
    await tauriBackend.publishToServer('postgres://zwolle:geheim@server.example.nl/draagkracht');
    await tauriBackend.publishToFile('/tmp/landelijke-cijfers-zwolle.json', 'Afdeling Zwolle');
    expect(calls.map(([cmd, args]) => [cmd, Object.keys((args ?? {}) as object)])).toEqual([
      ['national_connect', ['server']],
      ['national_preview', ['request']],
      ['national_export', ['request', 'format', 'path']],
      ['publishing_status', []],
      ['publish_to_server', ['server']],
      ['publish_to_file', ['path', 'branch']],
    ]);
    expect(calls[0]?.[1]).toEqual({ server });
    expect(calls[1]?.[1]).toEqual({ request });
    expect(calls[2]?.[1]).toEqual({ request, format: 'pdf', path: '/tmp/landelijk-overzicht-2025.pdf' });
    expect(calls[5]?.[1]).toEqual({ path: '/tmp/landelijke-cijfers-zwolle.json', branch: 'Afdeling Zwolle' });
  });

  it('asks where to save a report with a filter for its kind of file, and answers null when cancelled', async () => {
    const calls: [string, unknown][] = [];
    let answer: string | null = '/home/marieke/rapportage-2025-financier.pdf';
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return answer;
    });
    expect(await tauriBackend.chooseReportFile('rapportage-2025-financier.pdf', 'pdf')).toBe('/home/marieke/rapportage-2025-financier.pdf');
    await tauriBackend.chooseReportFile('rapportage-2025-financier.xlsx', 'xlsx');
    await tauriBackend.chooseReportFile('rapportage-2025-financier.csv', 'csv');
    answer = null;
    expect(await tauriBackend.chooseReportFile('rapportage-2025-financier.csv', 'csv_rfc')).toBeNull();
    expect(calls.map(([cmd]) => cmd)).toEqual(['plugin:dialog|save', 'plugin:dialog|save', 'plugin:dialog|save', 'plugin:dialog|save']);
    expect(calls[0]?.[1]).toMatchObject({ options: { defaultPath: 'rapportage-2025-financier.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] } });
    expect(calls[1]?.[1]).toMatchObject({ options: { filters: [{ name: 'Excel (.xlsx)', extensions: ['xlsx'] }] } });
    expect(calls[2]?.[1]).toMatchObject({ options: { filters: [{ name: 'CSV', extensions: ['csv'] }] } });
    expect(calls[3]?.[1]).toMatchObject({ options: { filters: [{ name: 'CSV', extensions: ['csv'] }] } });
  });

  it('opens a file through the dialog plugin, with the kinds of file it offers', async () => {
    const calls: [string, unknown][] = [];
    let answer: string | null = '/home/marieke/vrijwilligers.xlsx';
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return answer;
    });
    const filters = [{ name: 'Spreadsheets', extensions: ['xlsx', 'xls', 'ods', 'csv'] }];
    expect(await tauriBackend.chooseOpenFile(filters)).toBe('/home/marieke/vrijwilligers.xlsx');
    answer = null;
    expect(await tauriBackend.chooseOpenFile(filters)).toBeNull();
    expect(calls.map(([cmd]) => cmd)).toEqual(['plugin:dialog|open', 'plugin:dialog|open']);
    expect(calls[0]?.[1]).toMatchObject({ options: { directory: false, multiple: false, filters } });
  });

  it('opens the native dialogs through the dialog plugin and answers null when cancelled', async () => {
    const calls: [string, unknown][] = [];
    let answer: string | null = '/media/usb';
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return answer;
    });
    expect(await tauriBackend.chooseFolder()).toBe('/media/usb');
    answer = '/home/marieke/inzage-D-017.json';
    expect(await tauriBackend.chooseSaveFile('inzage-D-017.json')).toBe('/home/marieke/inzage-D-017.json');
    answer = null;
    expect(await tauriBackend.chooseSaveFile('inzage-D-017.json')).toBeNull();
    expect(calls.map(([cmd]) => cmd)).toEqual(['plugin:dialog|open', 'plugin:dialog|save', 'plugin:dialog|save']);
    expect(calls[0]?.[1]).toMatchObject({ options: { directory: true, multiple: false } });
    expect(calls[1]?.[1]).toMatchObject({ options: { defaultPath: 'inzage-D-017.json', filters: [{ name: 'JSON', extensions: ['json'] }] } });
  });

  it('turns a dialog that fails into an ApiError', async () => {
    mockIPC(() => {
      throw 'dialog.open not allowed';
    });
    await expect(tauriBackend.chooseFolder()).rejects.toMatchObject({ code: 'storage', field: null });
  });

  it('passes the safety errors through as ApiErrors', async () => {
    const error = { code: 'wrong_passphrase', message: 'Klopt niet.', messageEn: 'Not right.', field: 'passphrase', reason: null };
    mockIPC(() => {
      throw error;
    });
    await expect(tauriBackend.unlock('x')).rejects.toEqual(error);
    for (const code of ['locked', 'damaged']) {
      expect(toApiError({ ...error, code }).code).toBe(code);
    }
  });

  it('passes an ApiError through unchanged', async () => {
    const error = { code: 'duplicate_entry', message: 'Dubbel.', messageEn: 'Double.', field: null, reason: null };
    mockIPC(() => {
      throw error;
    });
    await expect(tauriBackend.deleteHourEntry('e-1')).rejects.toEqual(error);
  });

  it('turns any other failure into a storage ApiError', async () => {
    mockIPC(() => {
      throw new Error('command app_status not found');
    });
    const rejected = await tauriBackend.appStatus().catch((e: unknown) => e);
    expect(rejected).toMatchObject({ code: 'storage', field: null });
    expect(toApiError('boom').messageEn).toContain('boom');
  });
});
