// Landelijke cijfers publiceren on Rapportages: folded away under the report settings, what there is
// to publish and what was published last, publishing to the server with the remembered address
// (progress, then how many months), a refusal at the address, saving a signed file through the save
// dialog under the branch's name, and the status read anew afterwards.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../api/backend';
import { setBackend } from '../../api/backend';
import type { PublishReport } from '../../api/bindings';
import { formatDate, formatMomentTime, momentDay } from '../../format';
import { applyLanguage } from '../../i18n/i18n.svelte';
import {
  DOCUMENTS,
  NATIONAL_SERVER,
  NOTHING_PUBLISHED,
  PUBLISH_SERVER,
  PUBLISHED_AT,
  PUBLISHING,
  REPORT_SETTINGS,
  fakeBackend,
  refusal,
  TODAY,
  type FakeBackend,
} from '../../test/fakeBackend';
import PublishPanel from './PublishPanel.svelte';
import ReportsScreen from './ReportsScreen.svelte';

/** A promise settled from outside, to hold the publishing while the test looks at it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function open(overrides: Partial<Backend> = {}): Promise<FakeBackend> {
  const backend = fakeBackend(overrides);
  setBackend(backend);
  render(PublishPanel);
  await screen.findByTestId('publish-state');
  return backend;
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

/** When the fake's last publication was, as this computer shows it. */
const LAST_AT = PUBLISHING.published[0]!.publishedAt;

beforeEach(() => applyLanguage('nl'));

describe('publishing national figures', () => {
  it('sits folded away under the report settings on Rapportages', async () => {
    setBackend(fakeBackend());
    render(ReportsScreen, { today: TODAY });
    await screen.findAllByTestId('report-table');

    const panel = screen.getByTestId('publish-panel') as HTMLDetailsElement;
    expect(panel.tagName).toBe('DETAILS');
    expect(panel.open).toBe(false);
    expect(screen.getByTestId('publish-toggle').textContent).toBe('Landelijke cijfers publiceren');
    expect(screen.getByTestId('report-settings').nextElementSibling).toBe(panel);
    await userEvent.click(screen.getByTestId('publish-toggle'));
    expect(panel.open).toBe(true);
  });

  it('says what it shares, how many months there are and what was published last, with the address filled in', async () => {
    const backend = await open();

    expect(screen.getByText(/alleen aantallen en uren, nooit namen of notities/).textContent).toBe(
      'Je afdeling kan haar cijfers per maand delen met het landelijk bureau: alleen aantallen en uren, nooit namen of notities.',
    );
    expect(screen.getByTestId('publish-months').textContent).toBe('Je afdeling heeft 60 hele maanden met gegevens, van november 2020 tot en met oktober 2025.');
    expect(screen.getByTestId('publish-last').textContent).toBe(
      `Laatst gepubliceerd op ${formatDate(momentDay(LAST_AT))} om ${formatMomentTime(LAST_AT)}, naar de server: 59 maanden, tot en met september 2025.`,
    );
    const server = screen.getByLabelText('Serveradres van je afdeling') as HTMLInputElement;
    expect(server).toBe(input('publish-server'));
    expect(server.type).toBe('password');
    expect(server.getAttribute('autocomplete')).toBe('off');
    expect(server.value).toBe(PUBLISH_SERVER);
    expect(input('publish-branch').value).toBe(REPORT_SETTINGS.branchName);
    expect(screen.getByLabelText('Naam van je afdeling zoals het landelijk bureau die kent')).toBe(input('publish-branch'));
    expect(backend.publishingStatus).toHaveBeenCalledTimes(1);
  });

  it('says when nothing was published yet', async () => {
    await open({ publishingStatus: async () => structuredClone(NOTHING_PUBLISHED) });

    expect(screen.getByTestId('publish-last').textContent).toBe('Nog niets gepubliceerd.');
    expect(input('publish-server').value).toBe('');
  });

  it('publishes to the server with progress, says how many months, and reads the status anew', async () => {
    const held = deferred<PublishReport>();
    const backend = await open({ publishToServer: () => held.promise });

    await userEvent.click(screen.getByTestId('publish-to-server'));

    expect(backend.publishToServer).toHaveBeenCalledWith(PUBLISH_SERVER);
    const progress = await screen.findByTestId('publish-progress');
    expect(screen.getByLabelText('Publiceren… dit kan een halve minuut duren')).toBe(progress.querySelector('progress'));
    expect(screen.getByTestId('publish-status').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('publish-status').contains(progress)).toBe(true);
    expect((screen.getByTestId('publish-to-server') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('publish-to-file') as HTMLButtonElement).disabled).toBe(true);

    held.resolve({ months: 60, taken: 58, path: null });

    const done = await screen.findByTestId('publish-done');
    expect(done.textContent).toBe('60 maanden gepubliceerd. Van 2 maanden had de server al nieuwere cijfers van een andere laptop. Die zijn bewaard.');
    expect(screen.queryByTestId('publish-progress')).toBeNull();
    await waitFor(() => expect(backend.publishingStatus).toHaveBeenCalledTimes(2));
  });

  it('shows the new last publication after publishing with the fake server', async () => {
    await open();

    await userEvent.click(screen.getByTestId('publish-to-server'));

    expect((await screen.findByTestId('publish-done')).textContent).toBe('60 maanden gepubliceerd.');
    await waitFor(() =>
      expect(screen.getByTestId('publish-last').textContent).toBe(
        `Laatst gepubliceerd op ${formatDate(momentDay(PUBLISHED_AT))} om ${formatMomentTime(PUBLISHED_AT)}, naar de server: 60 maanden, tot en met oktober 2025.`,
      ),
    );
  });

  it('shows a refused address at its field, which gets the focus', async () => {
    const backend = await open();
    const server = input('publish-server');
    await userEvent.clear(server);
    // The national office's login cannot publish a branch's figures.
    await userEvent.type(server, `${NATIONAL_SERVER}{Enter}`);

    const error = await screen.findByTestId('publish-error-server');
    expect(backend.publishToServer).toHaveBeenCalledWith(NATIONAL_SERVER);
    expect(error.textContent).toContain('Dit is geen inlog van een afdeling. Publiceren kan alleen met de inlog van je eigen afdeling.');
    expect(server.getAttribute('aria-invalid')).toBe('true');
    expect(server.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(server));
    expect(screen.queryByTestId('publish-done')).toBeNull();

    await userEvent.clear(server);
    expect(screen.queryByTestId('publish-error-server')).toBeNull();
    await userEvent.click(screen.getByTestId('publish-to-server'));
    expect((await screen.findByTestId('publish-error-server')).textContent).toContain('Vul het serveradres van je afdeling in.');
    expect(backend.publishToServer).toHaveBeenCalledTimes(1);
  });

  it('shows a failure that belongs to no field above the result', async () => {
    await open({
      publishToServer: async () => {
        throw refusal({ code: 'unreachable', field: null, reason: null, message: 'De server is niet bereikbaar.', messageEn: 'The server cannot be reached.' });
      },
    });

    await userEvent.click(screen.getByTestId('publish-to-server'));

    expect((await screen.findByTestId('publish-failure')).textContent).toBe('De server is niet bereikbaar.');
    expect(input('publish-server').getAttribute('aria-invalid')).toBeNull();
  });

  it('saves the figures as a file named after the branch, where the dialog says', async () => {
    const backend = await open();

    await userEvent.click(screen.getByTestId('publish-to-file'));

    const done = await screen.findByTestId('publish-done');
    const path = `${DOCUMENTS}/landelijke-cijfers-vrijwilligerscentrum-de-brug.json`;
    expect(backend.chooseSaveFile).toHaveBeenCalledWith('landelijke-cijfers-vrijwilligerscentrum-de-brug.json');
    expect(backend.publishToFile).toHaveBeenCalledWith(path, REPORT_SETTINGS.branchName);
    expect(done.textContent).toBe(`60 maanden opgeslagen in ${path}. Stuur dit bestand naar het landelijk bureau.`);
    await waitFor(() => expect(screen.getByTestId('publish-last').textContent).toContain('als bestand: 60 maanden, tot en met oktober 2025.'));
  });

  it('does nothing when the save dialog is cancelled, and refuses an empty branch name at its field', async () => {
    const backend = await open({ chooseSaveFile: async () => null });

    await userEvent.click(screen.getByTestId('publish-to-file'));
    await waitFor(() => expect(backend.chooseSaveFile).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((screen.getByTestId('publish-to-file') as HTMLButtonElement).disabled).toBe(false));
    expect(backend.publishToFile).not.toHaveBeenCalled();
    expect(screen.getByTestId('publish-status').textContent?.trim()).toBe('');

    const branch = input('publish-branch');
    await userEvent.clear(branch);
    await userEvent.type(branch, '{Enter}');
    const error = await screen.findByTestId('publish-error-branchName');
    expect(error.textContent).toContain('Vul de naam van je afdeling in, zoals het landelijk bureau die kent.');
    expect(branch.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(branch));
    expect(backend.chooseSaveFile).toHaveBeenCalledTimes(1);
  });

  it("shows the backend's refusal of the branch name at its field", async () => {
    await open({
      publishToFile: async () => {
        throw refusal({ field: 'branchName', reason: 'unknown', message: 'Deze naam kent het landelijk bureau niet.', messageEn: 'The national office does not know this name.' });
      },
    });

    await userEvent.click(screen.getByTestId('publish-to-file'));

    expect((await screen.findByTestId('publish-error-branchName')).textContent).toContain('Deze naam kent het landelijk bureau niet.');
    await waitFor(() => expect(document.activeElement).toBe(input('publish-branch')));
  });

  it('waits for a complete month before anything can be published', async () => {
    await open({ publishingStatus: async () => ({ ...structuredClone(NOTHING_PUBLISHED), publishable: 0, firstMonth: null, lastMonth: null }) });

    expect(screen.getByTestId('publish-months').textContent).toBe('Er is nog geen hele maand met gegevens om te publiceren.');
    expect((screen.getByTestId('publish-to-server') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('publish-to-file') as HTMLButtonElement).disabled).toBe(true);
  });

  it('speaks English', async () => {
    applyLanguage('en');
    await open();

    const state = screen.getByTestId('publish-state');
    expect(within(state).getByTestId('publish-months').textContent).toBe('Your branch has 60 complete months with records, from November 2020 to October 2025.');
    expect(screen.getByLabelText("Your branch's server address")).toBe(input('publish-server'));
    await userEvent.click(screen.getByTestId('publish-to-server'));
    expect((await screen.findByTestId('publish-done')).textContent).toBe('60 months published.');
  });
});
