// The organisation's server as the place where the laptops meet: chosen beside the shared folder
// (which stays first and the default), its address typed in and checked here first, no dialog;
// once shared, the address is shown with its password hidden, everywhere, and there is no "Andere
// map kiezen…". Failures land at the address when they are about it, else above the form.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend, type Backend } from '../../api/backend';
import type { ApiError } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import {
  fakeBackend,
  fakeSharing,
  fakeVault,
  SERVER_ADDRESS,
  SERVER_ADDRESS_SHOWN,
  sharingBranch,
  SHARING,
  TODAY,
  unreachable,
  type FakeSharing,
} from '../../test/fakeBackend';
import { keepSharing } from './status.svelte';
import SyncIndicator from './SyncIndicator.svelte';

/** The password in `SERVER_ADDRESS` ("wachtwoordzin" is elsewhere in the window): never in the window once typed. */
const PASSWORD = ':wachtwoord@';

async function open(sharing: FakeSharing = fakeSharing(), overrides: Partial<Backend> = {}) {
  const backend = fakeBackend(overrides, fakeVault(), sharing);
  setBackend(backend);
  navigate({ name: 'sharing' });
  render(App);
  await screen.findByTestId(sharing.status.sharing ? 'sharing-place' : 'sharing-start');
  return backend;
}

/** A branch this laptop shares on the organisation's server. */
function onTheServer(overrides: Partial<FakeSharing> = {}): FakeSharing {
  return sharingBranch({ status: { ...structuredClone(SHARING), place: SERVER_ADDRESS }, branchFolder: SERVER_ADDRESS, ...overrides });
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

function text(testid: string): string {
  return screen.getByTestId(testid).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Everything the window shows, and every attribute and input value, without the password. */
function expectNoPassword() {
  expect(document.body.textContent).not.toContain(PASSWORD);
  expect(document.body.innerHTML).not.toContain(PASSWORD);
  for (const field of Array.from(document.querySelectorAll('input'))) expect(field.value).not.toContain(PASSWORD);
}

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function chooseServer() {
  await userEvent.click(screen.getByTestId('sharing-place-server'));
  await screen.findByTestId('sharing-server-address');
}

beforeEach(() => {
  applyLanguage('nl');
  keepSharing(null);
});

describe('starting to share: a folder or the server', () => {
  it('offers both as a labelled radio group, the folder first and chosen', async () => {
    await open();

    const group = screen.getByRole('group', { name: 'Waar delen jullie de gegevens?' });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.dataset.testid)).toEqual(['sharing-place-folder', 'sharing-place-server']);
    expect(screen.getByLabelText('Een gedeelde map')).toBe(radios[0]);
    expect(screen.getByLabelText('De server van je organisatie')).toBe(radios[1]);
    expect(radios[0]!.checked).toBe(true);
    expect(radios[1]!.checked).toBe(false);
    expect(document.getElementById(radios[1]!.getAttribute('aria-describedby')!)?.textContent).toContain('het adres van de IT-medewerker');
    // The folder: no address, the button opens the dialog.
    expect(screen.queryByTestId('sharing-server-address')).toBeNull();
    expect(text('sharing-choose')).toBe('Kies een gedeelde map…');
  });

  it('with the server: the address field with its label and hint, and a button that shares there', async () => {
    await open();

    await chooseServer();

    const address = input('sharing-server-address');
    expect(screen.getByLabelText('Adres van de server')).toBe(address);
    expect(address.getAttribute('aria-describedby')).toBe('sharing-server-address-help');
    const help = document.getElementById('sharing-server-address-help')?.textContent ?? '';
    expect(help).toContain('Dit adres krijg je van de IT-medewerker van je organisatie.');
    expect(help).toContain('Op de server staan alleen versleutelde gegevens.');
    expect(text('sharing-choose')).toBe('Delen via de server');
    expect(await axeViolations()).toEqual([]);

    // Back to the folder: the address goes, the dialog's button comes back.
    await userEvent.click(screen.getByTestId('sharing-place-folder'));
    await waitFor(() => expect(screen.queryByTestId('sharing-server-address')).toBeNull());
    expect(text('sharing-choose')).toBe('Kies een gedeelde map…');
  });

  it('says a missing or wrong address at its field, without asking anything', async () => {
    const backend = await open();
    await userEvent.type(input('sharing-name'), 'Laptop Marieke');
    await chooseServer();

    await userEvent.click(screen.getByTestId('sharing-choose'));
    expect((await screen.findByTestId('sharing-error-path')).textContent).toContain('Vul het adres van de server in.');
    const address = input('sharing-server-address');
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(address.getAttribute('aria-describedby')).toBe('sharing-server-address-help sharing-error-path');
    await waitFor(() => expect(document.activeElement).toBe(address));

    await userEvent.type(address, 'https://server.humanitas.nl/draagkracht{Enter}');
    await waitFor(() => expect(text('sharing-error-path')).toContain('Het adres begint met postgres:// of postgresql://.'));
    expect(screen.queryByTestId('sharing-start-failure')).toBeNull();
    expect(backend.chooseFolder).not.toHaveBeenCalled();
    expect(backend.shareInFolder).not.toHaveBeenCalled();

    // Choosing the folder instead: the message about the address is gone with it.
    await userEvent.click(screen.getByTestId('sharing-place-folder'));
    await waitFor(() => expect(screen.queryByTestId('sharing-error-path')).toBeNull());
  });

  it('shares on the server without a dialog, then shows it with the password hidden and no other folder to choose', async () => {
    const sharing = fakeSharing();
    const backend = await open(sharing);
    await userEvent.type(input('sharing-name'), 'Laptop Marieke');
    await chooseServer();

    await userEvent.type(input('sharing-server-address'), ` ${SERVER_ADDRESS} {Enter}`);

    await screen.findByTestId('sharing-place');
    expect(backend.chooseFolder).not.toHaveBeenCalled();
    expect(backend.shareInFolder).toHaveBeenCalledWith(SERVER_ADDRESS, 'Laptop Marieke');
    expect(sharing.status.place).toBe(SERVER_ADDRESS);
    expect(text('sharing-notice')).toBe("Deze laptop deelt de afdeling nu via de server van je organisatie. Nodig hieronder de laptops van je collega's uit.");
    expect(text('sharing-folder')).toBe(SERVER_ADDRESS_SHOWN);
    const details = screen.getByTestId('sharing-place').querySelector('dl')!;
    expect(Array.from(details.querySelectorAll('dt')).map((dt) => dt.textContent)).toContain('Server van je organisatie');
    expect(screen.queryByTestId('sharing-move')).toBeNull();
    expectNoPassword();
  });

  it('says a server that cannot be reached above the form, and keeps what was typed', async () => {
    await open(fakeSharing({ reachable: false }));
    await userEvent.type(input('sharing-name'), 'Laptop Marieke');
    await chooseServer();

    await userEvent.type(input('sharing-server-address'), `${SERVER_ADDRESS}{Enter}`);

    expect((await screen.findByTestId('sharing-start-failure')).textContent).toContain('De server is niet bereikbaar.');
    expect(screen.queryByTestId('sharing-error-path')).toBeNull();
    expect(input('sharing-server-address').value).toBe(SERVER_ADDRESS);
    expect(input('sharing-name').value).toBe('Laptop Marieke');
  });

  it("says a refused login at the address, since that is what to check, and a name refusal at the name", async () => {
    const login: ApiError = {
      code: 'storage',
      message: 'De server kent deze inlognaam, dit wachtwoord of deze database niet. Controleer het serveradres dat je van je beheerder kreeg.',
      messageEn: 'The server does not know this login name, password or database. Check the server address your administrator gave you.',
      field: 'path',
      reason: null,
    };
    const backend = await open(fakeSharing(), {
      shareInFolder: async () => {
        throw login;
      },
    });
    await userEvent.type(input('sharing-name'), 'Laptop Marieke');
    await chooseServer();

    await userEvent.type(input('sharing-server-address'), `${SERVER_ADDRESS}{Enter}`);

    expect((await screen.findByTestId('sharing-error-path')).textContent).toContain('Controleer het serveradres');
    await waitFor(() => expect(document.activeElement).toBe(input('sharing-server-address')));
    expect(screen.queryByTestId('sharing-start-failure')).toBeNull();

    backend.shareInFolder.mockRejectedValueOnce({
      code: 'invalid_input',
      message: "Geef deze laptop een naam, zodat je collega's hem herkennen.",
      messageEn: 'Give this laptop a name your colleagues will recognise.',
      field: 'name',
      reason: null,
    } satisfies ApiError);
    await userEvent.click(screen.getByTestId('sharing-choose'));
    expect((await screen.findByTestId('sharing-error-name')).textContent).toContain('Geef deze laptop een naam');
    await waitFor(() => expect(document.activeElement).toBe(input('sharing-name')));
    expect(screen.queryByTestId('sharing-error-path')).toBeNull();
  });
});

describe('sharing on the server', () => {
  it('shows the address without its password and offers no other folder', async () => {
    await open(onTheServer());

    expect(text('sharing-folder')).toBe(SERVER_ADDRESS_SHOWN);
    expect(screen.queryByTestId('sharing-move')).toBeNull();
    expect(screen.queryByText('Andere map kiezen…')).toBeNull();
    expectNoPassword();
    expect(await axeViolations()).toEqual([]);
  });

  it('tells how to join on the server without showing its address', async () => {
    await open(onTheServer());

    await userEvent.click(screen.getByTestId('invite-make'));

    await screen.findByTestId('invite-code');
    const steps = within(screen.getByTestId('invite-steps')).getAllByRole('listitem').map((li) => li.textContent);
    expect(steps[2]).toBe('Kies daar: De server van je organisatie. Vul het adres van de server in. Dat adres krijgt je collega van de IT-medewerker.');
    expect(screen.getByTestId('invite').textContent).toContain('Met de code en het adres van de server kan iemand alle gegevens van de afdeling lezen.');
    expectNoPassword();
  });

  it('says a server that cannot be reached, in the screen and in the header, without the password', async () => {
    const failure: ApiError = {
      ...unreachable(SERVER_ADDRESS),
      message: `De server ${SERVER_ADDRESS} is niet bereikbaar.`,
      messageEn: `The server ${SERVER_ADDRESS} cannot be reached.`,
    };
    await open(onTheServer({ status: { ...structuredClone(SHARING), place: SERVER_ADDRESS, lastFailure: failure } }));

    expect(text('sharing-last-failure')).toBe(`De laatste keer lukte synchroniseren niet: De server ${SERVER_ADDRESS_SHOWN} is niet bereikbaar.`);
    expect(await screen.findByTestId('sync-indicator-line')).toBeTruthy();
    expect(text('sync-indicator-line')).toBe('Server niet bereikbaar — je werk blijft bewaard');
    expectNoPassword();
  });
});

describe('the header on the server', () => {
  it('says the server, not the folder, cannot be reached; in English too', async () => {
    const sharing = onTheServer({ reachable: false });
    sharing.status.lastFailure = unreachable(SERVER_ADDRESS);
    setBackend(fakeBackend({}, fakeVault(), sharing));
    render(SyncIndicator, { today: TODAY });

    await waitFor(() => expect(screen.getByTestId('sync-indicator-line').textContent).toBe('Server niet bereikbaar — je werk blijft bewaard'));
    applyLanguage('en');
    await waitFor(() => expect(screen.getByTestId('sync-indicator-line').textContent).toBe('Server not reachable — your work is kept'));
  });
});
