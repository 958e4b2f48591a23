// Projecten: per programme its signal thresholds (each with its value as typed, its default and
// source, a marker when changed, save and back to the default) and its required training; and the
// branch's own agreements (VOG years and allowance caps as typed euros) sent as typed.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import type { ThresholdInput } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, refusal, SUPPORT_SETTINGS } from '../../test/fakeBackend';
import ProgrammesScreen from './ProgrammesScreen.svelte';

async function openThresholds(programme: string): Promise<HTMLElement> {
  const part = (await screen.findAllByTestId('threshold-programme')).find((s) => s.dataset.programme === programme);
  if (!part) throw new Error(`no thresholds for ${programme}`);
  const toggle = within(part).getByTestId('thresholds-toggle');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await userEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  await within(part).findAllByTestId('threshold-row');
  return part;
}

function row(part: HTMLElement, key: string): HTMLElement {
  const found = within(part)
    .getAllByTestId('threshold-row')
    .find((r) => r.dataset.key === key);
  if (!found) throw new Error(`no threshold ${key}`);
  return found;
}

function value(element: HTMLElement): HTMLInputElement {
  return within(element).getByTestId('threshold-value') as HTMLInputElement;
}

function field(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

beforeEach(() => applyLanguage('nl'));

describe('signal thresholds', () => {
  it('loads a programme’s thresholds when it is opened, with the value, default and source', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    await screen.findAllByTestId('threshold-programme');
    expect(backend.listThresholds).not.toHaveBeenCalled();

    const admin = await openThresholds('p-admin');
    expect(backend.listThresholds).toHaveBeenCalledWith('p-admin');
    expect(within(admin).getAllByTestId('threshold-row')).toHaveLength(9);
    const warning = row(admin, 'over_agreement_warning');
    expect(within(warning).getByLabelText("Meer uren dan afgesproken: 'let op' boven zoveel keer de afspraak (4 weken)")).toBe(value(warning));
    expect(value(warning).value).toBe('1,5');
    expect(within(warning).getByTestId('threshold-default').textContent?.trim()).toBe('standaard: 1,5');
    expect(within(warning).getByTestId('threshold-source').textContent).toBe('Bron: Standaard van Draagkracht (DOMAIN.md), geen officiële norm.');
    expect(within(warning).queryByTestId('threshold-changed')).toBeNull();
    expect(within(warning).queryByTestId('threshold-reset')).toBeNull();
    // The default and the source are read with the field.
    const described = value(warning).getAttribute('aria-describedby')!.split(' ');
    expect(described).toContain(within(warning).getByTestId('threshold-source').id);
  });

  it('marks a changed threshold and shows the default beside it', async () => {
    setBackend(fakeBackend());
    render(ProgrammesScreen);
    const buddy = await openThresholds('p-buddy');
    const weeks = row(buddy, 'supervision_weeks');
    expect(value(weeks).value).toBe('8');
    expect(within(weeks).getByTestId('threshold-default').textContent).toContain('standaard: 12');
    expect(within(weeks).getByTestId('threshold-changed').textContent).toBe('aangepast');
    expect(within(buddy).getByTestId('thresholds-toggle').textContent).toContain('1 aangepast');
  });

  it('saves one row as {programmeId, key, value} with the value as typed', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const admin = await openThresholds('p-admin');
    const warning = row(admin, 'over_agreement_warning');

    await userEvent.clear(value(warning));
    await userEvent.type(value(warning), '1,75');
    await userEvent.click(within(warning).getByTestId('threshold-save'));

    expect(backend.setThreshold).toHaveBeenCalledWith({ programmeId: 'p-admin', key: 'over_agreement_warning', value: '1,75' } satisfies ThresholdInput);
    expect((await within(warning).findByTestId('threshold-saved')).textContent).toBe('Opgeslagen');
    expect(value(warning).value).toBe('1,75');
    expect(within(warning).getByTestId('threshold-changed')).toBeTruthy();
    expect(within(admin).getByTestId('thresholds-toggle').textContent).toContain('1 aangepast');
  });

  it('sends an empty value to go back to the default', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const buddy = await openThresholds('p-buddy');
    const weeks = row(buddy, 'supervision_weeks');

    await userEvent.click(within(weeks).getByTestId('threshold-reset'));

    expect(backend.setThreshold).toHaveBeenCalledWith({ programmeId: 'p-buddy', key: 'supervision_weeks', value: '' });
    await waitFor(() => expect(value(weeks).value).toBe('12'));
    expect(within(weeks).queryByTestId('threshold-changed')).toBeNull();
    expect(within(weeks).getByTestId('threshold-saved').textContent).toBe('Weer de standaard');
    await waitFor(() => expect(document.activeElement).toBe(value(weeks)));
  });

  it('shows a refused value at the field of that row', async () => {
    setBackend(fakeBackend());
    render(ProgrammesScreen);
    const admin = await openThresholds('p-admin');
    const quiet = row(admin, 'quiet_days');
    await userEvent.clear(value(quiet));
    await userEvent.type(value(quiet), 'een maand');
    await userEvent.click(within(quiet).getByTestId('threshold-save'));

    const error = await within(quiet).findByTestId('threshold-error');
    expect(error.textContent).toContain("'een maand' is geen getal");
    expect(value(quiet).getAttribute('aria-invalid')).toBe('true');
    expect(value(quiet).getAttribute('aria-describedby')).toContain(error.id);
    expect(value(quiet).value).toBe('een maand');
    expect(within(row(admin, 'grey_zone_count')).queryByTestId('threshold-error')).toBeNull();
  });

  it('shows labels and values in English with a decimal point', async () => {
    applyLanguage('en');
    setBackend(fakeBackend());
    render(ProgrammesScreen);
    const admin = await openThresholds('p-admin');
    const warning = row(admin, 'over_agreement_warning');
    expect(value(warning).value).toBe('1.5');
    expect(warning.querySelector('label')?.textContent).toBe('Hours over agreement: warning above this many times the agreement (4 weeks)');
    expect(within(warning).getByTestId('threshold-source').textContent).toBe("Source: Draagkracht's default (DOMAIN.md), not an official norm.");
  });
});

describe('required training', () => {
  it('sends the training a programme requires', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const admin = await openThresholds('p-admin');
    await userEvent.type(within(admin).getByTestId('required-training-input'), 'Omgaan met schulden');
    await userEvent.click(within(admin).getByTestId('required-training-save'));

    expect(backend.setRequiredTraining).toHaveBeenCalledWith('p-admin', 'Omgaan met schulden');
    expect((await within(admin).findByTestId('required-training-saved')).textContent).toBe(
      'Verplichte training voor Thuisadministratie: Omgaan met schulden.',
    );
  });

  it('asks once before an empty field removes it, and sends an empty text on yes', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const buddy = await openThresholds('p-buddy');

    await userEvent.click(within(buddy).getByTestId('required-training-save'));
    expect(backend.setRequiredTraining).not.toHaveBeenCalled();
    await userEvent.click(within(buddy).getByTestId('required-training-keep'));
    expect(within(buddy).queryByTestId('required-training-remove')).toBeNull();
    expect(backend.setRequiredTraining).not.toHaveBeenCalled();

    await userEvent.click(within(buddy).getByTestId('required-training-save'));
    await userEvent.click(within(buddy).getByTestId('required-training-remove'));
    expect(backend.setRequiredTraining).toHaveBeenCalledWith('p-buddy', '');
    expect((await within(buddy).findByTestId('required-training-saved')).textContent).toBe('Maatje heeft nu geen verplichte training.');
  });

  it('shows a refused training at its field', async () => {
    setBackend(
      fakeBackend({
        setRequiredTraining: async () => {
          throw refusal({ field: 'requiredTraining', reason: 'too_long', message: 'De naam van de training is te lang.' });
        },
      }),
    );
    render(ProgrammesScreen);
    const admin = await openThresholds('p-admin');
    await userEvent.type(within(admin).getByTestId('required-training-input'), 'x');
    await userEvent.click(within(admin).getByTestId('required-training-save'));
    expect((await within(admin).findByTestId('required-training-error')).textContent).toContain('te lang');
    expect(within(admin).queryByTestId('required-training-saved')).toBeNull();
  });
});

describe('agreements for the branch', () => {
  it('shows the VOG years and the caps as Dutch euro text, with the 2025 defaults and their source', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const settings = await screen.findByTestId('branch-settings');
    expect(within(settings).getByRole('heading', { level: 2 }).textContent).toBe('Afspraken voor de afdeling');
    await within(settings).findByTestId('vog-years');
    expect(backend.supportSettings).toHaveBeenCalled();

    expect(field('vog-years').value).toBe('3');
    expect(['cap-hour-21', 'cap-hour-under-21', 'cap-month', 'cap-year'].map((id) => field(id).value)).toEqual([
      '5,60',
      '3,30',
      '210,00',
      '2100,00',
    ]);
    expect(screen.getByTestId('cap-year-default').textContent).toBe('standaard 2025: € 2.100,00');
    expect(screen.getByTestId('cap-hour-21-default').textContent).toBe('standaard 2025: € 5,60');
    expect(screen.getByTestId('caps-source').textContent).toContain(SUPPORT_SETTINGS.capsSource);
    expect(screen.getByLabelText('Per jaar (euro)')).toBe(field('cap-year'));
  });

  it('sends the texts as typed and shows what the backend stored', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    await screen.findByTestId('vog-years');

    await userEvent.clear(field('vog-years'));
    await userEvent.type(field('vog-years'), '5');
    await userEvent.clear(field('cap-hour-21'));
    await userEvent.type(field('cap-hour-21'), '5,75');
    await userEvent.clear(field('cap-year'));
    await userEvent.type(field('cap-year'), '2.200');
    await userEvent.click(screen.getByTestId('support-settings-save'));

    expect(backend.setSupportSettings).toHaveBeenCalledWith({
      vogYears: '5',
      plausibleDayHours: '10',
      perHour21Plus: '5,75',
      perHourUnder21: '3,30',
      perMonth: '210,00',
      perYear: '2.200',
    });
    expect((await screen.findByTestId('support-settings-saved')).textContent).toBe('De afspraken zijn opgeslagen.');
    expect(field('cap-year').value).toBe('2200,00');
  });

  it('shows a refusal at the field it concerns', async () => {
    setBackend(fakeBackend());
    render(ProgrammesScreen);
    await screen.findByTestId('vog-years');
    await userEvent.clear(field('vog-years'));
    await userEvent.type(field('vog-years'), '12');
    await userEvent.click(screen.getByTestId('support-settings-save'));

    const error = await screen.findByTestId('settings-error-vogYears');
    expect(error.textContent).toContain('Kies 1 tot en met 10 jaar.');
    expect(field('vog-years').getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(field('vog-years')));
    expect(screen.queryByTestId('support-settings-saved')).toBeNull();

    await userEvent.clear(field('vog-years'));
    await userEvent.type(field('vog-years'), '3');
    await userEvent.clear(field('cap-month'));
    await userEvent.type(field('cap-month'), 'veel');
    await userEvent.click(screen.getByTestId('support-settings-save'));
    expect((await screen.findByTestId('settings-error-perMonth')).textContent).toContain("'veel' is geen bedrag");
    expect(screen.queryByTestId('settings-error-vogYears')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(field('cap-month')));
  });

  it('sets the plausible day, and shows every refused field at once, focusing the first', async () => {
    const backend = fakeBackend({
      setSupportSettings: async (input) => {
        if (input.plausibleDayHours === '12') return { ...SUPPORT_SETTINGS, plausibleDayHours: 12 };
        throw refusal({
          field: 'vogYears',
          reason: 'not_allowed',
          message: 'Kies 1 tot en met 10 jaar.',
          also: [
            { field: 'plausibleDayHours', reason: 'not_allowed', message: "'30': kies een heel aantal uren van 4 tot en met 24.", messageEn: '' },
            { field: 'perMonth', reason: 'invalid_format', message: "'veel' is geen bedrag.", messageEn: '' },
          ],
        });
      },
    });
    setBackend(backend);
    render(ProgrammesScreen);
    await screen.findByTestId('plausible-day');
    expect(field('plausible-day').value).toBe('10');
    expect(screen.getByText(/Standaard 10 uur/)).toBeTruthy();

    await userEvent.clear(field('plausible-day'));
    await userEvent.type(field('plausible-day'), '30');
    await userEvent.click(screen.getByTestId('support-settings-save'));

    expect((await screen.findByTestId('settings-error-vogYears')).textContent).toContain('Kies 1 tot en met 10 jaar.');
    expect(screen.getByTestId('settings-error-plausibleDayHours').textContent).toContain('van 4 tot en met 24');
    expect(screen.getByTestId('settings-error-perMonth').textContent).toContain("'veel' is geen bedrag");
    expect(field('plausible-day').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(field('vog-years')));

    // Fixing one field takes its message away; the others stay until the next save.
    await userEvent.clear(field('plausible-day'));
    await userEvent.type(field('plausible-day'), '12');
    expect(screen.queryByTestId('settings-error-plausibleDayHours')).toBeNull();
    expect(screen.getByTestId('settings-error-perMonth')).toBeTruthy();
    await userEvent.click(screen.getByTestId('support-settings-save'));
    expect(await screen.findByTestId('support-settings-saved')).toBeTruthy();
    expect(screen.queryByTestId('settings-error-vogYears')).toBeNull();
    expect(field('plausible-day').value).toBe('12');
  });
});
