// First start on a colleague's branch: the third way to begin. What is missing is said at its
// field, a progress bar runs while the branch's data comes in, a wrong code changes nothing and
// keeps what was typed, and once joined the app opens as after the other choices.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import type { AppStatus, JoinProgress } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import type { ApiError } from '../../api/bindings';
import {
  fakeBackend,
  fakeSharing,
  fakeVault,
  JOIN_CODE,
  SERVER_ADDRESS,
  SERVER_ADDRESS_SHOWN,
  SHARED_FOLDER,
  STATUS,
  USB_FOLDER,
  type FakeSharing,
} from '../../test/fakeBackend';
import SetupScreen from '../setup/SetupScreen.svelte';
import { groupedCode } from './fields';
import { keepSharing } from './status.svelte';

const FIRST_START: AppStatus = { ...STATUS, setUp: false };

/** A new laptop at the first start; its folder dialog answers with the branch's shared folder. */
function newLaptop(sharing: FakeSharing = fakeSharing()) {
  const backend = fakeBackend(
    {
      appStatus: async () => (sharing.status.sharing ? STATUS : FIRST_START),
      chooseFolder: async () => SHARED_FOLDER,
    },
    fakeVault(),
    sharing,
  );
  setBackend(backend);
  return { backend, sharing };
}

/** SetupScreen on its own, with joining opened. */
async function openJoin(sharing: FakeSharing = fakeSharing()) {
  const { backend } = newLaptop(sharing);
  const onready = vi.fn((_status: AppStatus) => {});
  render(SetupScreen, { onready });
  await userEvent.click(screen.getByTestId('setup-join'));
  await screen.findByTestId('join');
  return { backend, sharing, onready };
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

async function fillIn(code: string) {
  await userEvent.type(input('join-name'), 'Laptop Anna');
  await userEvent.click(screen.getByTestId('join-choose'));
  await waitFor(() => expect(screen.getByTestId('join-path').textContent).toContain(SHARED_FOLDER));
  await userEvent.type(input('join-code'), code);
}

beforeEach(() => {
  applyLanguage('nl');
  keepSharing(null);
  navigate({ name: 'overview' });
});

describe('first start: join a colleague\'s branch', () => {
  it('is offered as the third way to begin, with its fields labelled; "Terug" goes back to the choices', async () => {
    newLaptop();
    render(SetupScreen, { onready: vi.fn() });
    const choice = screen.getByTestId('setup-join');
    expect(choice.textContent).toContain('Aansluiten bij de afdeling van een collega');
    expect(choice.textContent).toContain('Je hebt de gedeelde map (of het adres van de server) en een code van je collega nodig.');

    await userEvent.click(choice);

    const heading = await screen.findByRole('heading', { level: 2, name: 'Aansluiten bij de afdeling van een collega' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.queryByTestId('setup-demo')).toBeNull();
    expect(screen.getByLabelText('Naam van deze laptop')).toBe(input('join-name'));
    expect(screen.getByLabelText('Code van je collega')).toBe(input('join-code'));
    expect(screen.getByTestId('join-choose').textContent).toBe('Kies de gedeelde map…');
    expect(screen.getByTestId('join-path').textContent?.trim()).toBe('Nog geen map gekozen.');

    await userEvent.click(screen.getByTestId('join-back'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('setup-join')));
  });

  it('says what is missing at its field, one at a time, without asking the backend', async () => {
    const { backend } = await openJoin();

    await userEvent.click(screen.getByTestId('join-submit'));
    expect((await screen.findByTestId('join-error-name')).textContent).toContain('Vul een naam in voor deze laptop');
    await waitFor(() => expect(document.activeElement).toBe(input('join-name')));

    await userEvent.type(input('join-name'), 'Laptop Anna{Enter}');
    expect((await screen.findByTestId('join-error-path')).textContent).toContain('Kies eerst de gedeelde map die je collega gebruikt.');
    const choose = screen.getByTestId('join-choose');
    expect(choose.getAttribute('aria-describedby')).toBe('join-path join-error-path');
    await waitFor(() => expect(document.activeElement).toBe(choose));

    await userEvent.click(choose);
    await waitFor(() => expect(screen.queryByTestId('join-error-path')).toBeNull());
    expect(screen.getByTestId('join-path').textContent?.trim()).toBe(`Gekozen map: ${SHARED_FOLDER}`);
    await userEvent.click(screen.getByTestId('join-submit'));
    expect((await screen.findByTestId('join-error-recoveryCode')).textContent).toContain('Vul de code in die je collega heeft gemaakt.');
    expect(input('join-code').getAttribute('aria-invalid')).toBe('true');
    expect(input('join-code').getAttribute('aria-describedby')).toBe('join-code-help join-error-recoveryCode');
    expect(backend.joinBranch).not.toHaveBeenCalled();
  });

  it('keeps the chosen folder when the dialog is cancelled later', async () => {
    const { backend } = await openJoin();
    await userEvent.click(screen.getByTestId('join-choose'));
    backend.chooseFolder.mockResolvedValueOnce(null);

    await userEvent.click(screen.getByTestId('join-choose'));

    await waitFor(() => expect(backend.chooseFolder).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('join-path').textContent?.trim()).toBe(`Gekozen map: ${SHARED_FOLDER}`);
  });

  it('shows a real progress bar while joining, then goes on with a fresh status', async () => {
    const { backend, onready, sharing } = await openJoin();
    let hear: (progress: JoinProgress) => void = () => {};
    let finish: () => void = () => {};
    const join = backend.joinBranch.getMockImplementation()!;
    backend.joinBranch.mockImplementationOnce((path, code, name, onProgress) => {
      hear = onProgress;
      return new Promise<void>((resolve) => (finish = resolve)).then(() => join(path, code, name, () => {}));
    });
    await fillIn(JOIN_CODE.toLowerCase().replace(/-/g, ' '));

    await userEvent.click(screen.getByTestId('join-submit'));
    expect(screen.getByTestId('join-submit').textContent?.trim()).toBe('Bezig met aansluiten…');
    expect((screen.getByTestId('join-choose') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('join-back') as HTMLButtonElement).disabled).toBe(true);
    // Before the first step is heard, the bar runs without a value.
    expect(screen.getByTestId('join-progress').hasAttribute('value')).toBe(false);

    hear({ step: 1, steps: 3 });
    await waitFor(() => expect((screen.getByTestId('join-progress') as HTMLProgressElement).value).toBe(1));
    const bar = screen.getByTestId('join-progress') as HTMLProgressElement;
    expect(bar.max).toBe(3);
    expect(screen.getByLabelText('Bezig met aansluiten: 1 van 3 stappen klaar')).toBe(bar);
    hear({ step: 2, steps: 3 });
    await waitFor(() => expect((screen.getByTestId('join-progress') as HTMLProgressElement).value).toBe(2));
    expect(onready).not.toHaveBeenCalled();

    finish();
    await waitFor(() => expect(onready).toHaveBeenCalledTimes(1));
    expect(backend.joinBranch).toHaveBeenCalledWith(SHARED_FOLDER, 'm4xr 9tqb 2hjw 7kdp c3vn', 'Laptop Anna', expect.any(Function));
    expect(backend.appStatus).toHaveBeenCalled();
    expect(onready.mock.calls[0]![0]).toMatchObject({ setUp: true });
    expect(sharing.status).toMatchObject({ sharing: true, deviceName: 'Laptop Anna', place: SHARED_FOLDER });
  });

  it('refuses a wrong code at its field; nothing changes and everything typed stays', async () => {
    const { backend, onready, sharing } = await openJoin();
    await fillIn('AAAA-BBBB-CCCC-DDDD-EEEE');

    await userEvent.click(screen.getByTestId('join-submit'));

    expect((await screen.findByTestId('join-error-recoveryCode')).textContent).toContain('Deze code klopt niet. Er is niets veranderd');
    expect(input('join-code').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(input('join-code')));
    expect(input('join-code').value).toBe('AAAA-BBBB-CCCC-DDDD-EEEE');
    expect(input('join-name').value).toBe('Laptop Anna');
    expect(screen.getByTestId('join-path').textContent).toContain(SHARED_FOLDER);
    expect(screen.queryByTestId('join-progress')).toBeNull();
    expect((screen.getByTestId('join-submit') as HTMLButtonElement).disabled).toBe(false);
    expect(backend.joinBranch).toHaveBeenCalledTimes(1);
    expect(sharing.status.sharing).toBe(false);
    expect(onready).not.toHaveBeenCalled();

    // Typed again, right this time: it joins.
    await userEvent.clear(input('join-code'));
    await userEvent.type(input('join-code'), groupedCode(JOIN_CODE));
    await userEvent.click(screen.getByTestId('join-submit'));
    await waitFor(() => expect(onready).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('join-error-recoveryCode')).toBeNull();
  });

  it('says a code that is no code at its field', async () => {
    await openJoin();
    await fillIn('K7QF');

    await userEvent.click(screen.getByTestId('join-submit'));

    expect((await screen.findByTestId('join-error-recoveryCode')).textContent).toContain('Een code heeft 20 letters en cijfers');
  });

  it('says a failure that names no field above the form: no invitation in that folder', async () => {
    const { backend } = await openJoin();
    backend.chooseFolder.mockResolvedValue(USB_FOLDER);
    await userEvent.type(input('join-name'), 'Laptop Anna');
    await userEvent.click(screen.getByTestId('join-choose'));
    await userEvent.type(input('join-code'), `${JOIN_CODE}{Enter}`);

    const failure = await screen.findByTestId('join-failure');
    expect(failure.getAttribute('role')).toBe('alert');
    expect(failure.textContent).toContain(`In ${USB_FOLDER} staat geen uitnodiging met deze code.`);
    expect(input('join-code').value).toBe(JOIN_CODE);
  });

  it('from the first start to the app: the menu, and the sync line in the header', async () => {
    newLaptop();
    render(App);

    await userEvent.click(await screen.findByTestId('setup-join'));
    await fillIn(JOIN_CODE);
    await userEvent.click(screen.getByTestId('join-submit'));

    await screen.findByTestId('nav-sharing');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Aandacht nodig');
    expect(await screen.findByTestId('sync-indicator')).toBeTruthy();
  });
});

/** Joining through the server: the radio, then the address, no dialog. */
async function fillInServer(address: string, code: string) {
  await userEvent.type(input('join-name'), 'Laptop Anna');
  await userEvent.click(screen.getByTestId('join-place-server'));
  await userEvent.type(await screen.findByTestId('join-server-address'), address);
  await userEvent.type(input('join-code'), code);
}

describe("first start: join a colleague's branch on the organisation's server", () => {
  it('offers the folder first and chosen, the server beside it; with the server, an address instead of the dialog', async () => {
    await openJoin();
    const folder = input('join-place-folder');
    const server = input('join-place-server');
    expect(screen.getByLabelText('Een gedeelde map')).toBe(folder);
    expect(screen.getByLabelText('De server van je organisatie')).toBe(server);
    expect(folder.checked).toBe(true);
    expect(screen.getByRole('group', { name: 'Waar delen jullie de gegevens?' })).toBeTruthy();

    await userEvent.click(server);

    const address = await screen.findByTestId('join-server-address');
    expect(screen.getByLabelText('Adres van de server')).toBe(address);
    expect(address.getAttribute('aria-describedby')).toBe('join-server-address-help');
    expect(document.getElementById('join-server-address-help')?.textContent).toContain('IT-medewerker');
    expect(screen.queryByTestId('join-choose')).toBeNull();
    expect(screen.queryByTestId('join-path')).toBeNull();
  });

  it('says a missing or wrong address at its field, before the code and without asking', async () => {
    const { backend } = await openJoin();
    await userEvent.type(input('join-name'), 'Laptop Anna');
    await userEvent.click(screen.getByTestId('join-place-server'));

    await userEvent.click(screen.getByTestId('join-submit'));
    expect((await screen.findByTestId('join-error-path')).textContent).toContain('Vul het adres van de server in.');
    const address = input('join-server-address');
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(address.getAttribute('aria-describedby')).toBe('join-server-address-help join-error-path');
    await waitFor(() => expect(document.activeElement).toBe(address));

    await userEvent.type(address, 'server.humanitas.nl/draagkracht{Enter}');
    await waitFor(() => expect(screen.getByTestId('join-error-path').textContent).toContain('Dit is geen adres van een server.'));

    await userEvent.clear(address);
    await userEvent.type(address, `${SERVER_ADDRESS}{Enter}`);
    expect((await screen.findByTestId('join-error-recoveryCode')).textContent).toContain('Vul de code in');
    expect(screen.queryByTestId('join-error-path')).toBeNull();
    expect(backend.joinBranch).not.toHaveBeenCalled();
    expect(backend.chooseFolder).not.toHaveBeenCalled();
  });

  it('joins through the server with the address as typed', async () => {
    const { backend, onready, sharing } = await openJoin(fakeSharing({ branchFolder: SERVER_ADDRESS }));
    await fillInServer(` ${SERVER_ADDRESS}`, JOIN_CODE);

    await userEvent.click(screen.getByTestId('join-submit'));

    await waitFor(() => expect(onready).toHaveBeenCalledTimes(1));
    expect(backend.joinBranch).toHaveBeenCalledWith(SERVER_ADDRESS, JOIN_CODE, 'Laptop Anna', expect.any(Function));
    expect(backend.chooseFolder).not.toHaveBeenCalled();
    expect(sharing.status.place).toBe(SERVER_ADDRESS);
  });

  it('says a place without the invitation above the form, the password hidden', async () => {
    await openJoin(fakeSharing({ branchFolder: SHARED_FOLDER }));
    await fillInServer(SERVER_ADDRESS, `${JOIN_CODE}{Enter}`);

    const failure = await screen.findByTestId('join-failure');
    expect(failure.textContent).toContain(`In ${SERVER_ADDRESS_SHOWN} staat geen uitnodiging met deze code.`);
    expect(failure.textContent).not.toContain('wachtwoord');
    // What was typed stays, to be corrected.
    expect(input('join-server-address').value).toBe(SERVER_ADDRESS);
  });

  it('places refusals at the field the backend names, the rest above the form', async () => {
    const refused = (message: string, field: ApiError['field'], code: ApiError['code'] = 'invalid_input'): ApiError => ({
      code,
      message,
      messageEn: message,
      field,
      reason: null,
    });
    const { backend } = await openJoin(fakeSharing({ branchFolder: SERVER_ADDRESS }));
    await fillInServer(SERVER_ADDRESS, JOIN_CODE);

    backend.joinBranch.mockRejectedValueOnce(refused('Deze code is verlopen. Vraag je collega om een nieuwe uitnodiging.', 'recoveryCode'));
    await userEvent.click(screen.getByTestId('join-submit'));
    expect((await screen.findByTestId('join-error-recoveryCode')).textContent).toContain('Deze code is verlopen.');
    await waitFor(() => expect(document.activeElement).toBe(input('join-code')));
    expect(screen.queryByTestId('join-failure')).toBeNull();

    backend.joinBranch.mockRejectedValueOnce(refused("Geef deze laptop een naam, zodat je collega's hem herkennen.", 'name'));
    await userEvent.click(screen.getByTestId('join-submit'));
    expect((await screen.findByTestId('join-error-name')).textContent).toContain('Geef deze laptop een naam');
    await waitFor(() => expect(document.activeElement).toBe(input('join-name')));
    expect(screen.queryByTestId('join-error-recoveryCode')).toBeNull();

    backend.joinBranch.mockRejectedValueOnce(refused('Het serveradres klopt niet. Controleer het adres dat je van je beheerder kreeg (het begint met postgres://).', 'path', 'storage'));
    await userEvent.click(screen.getByTestId('join-submit'));
    expect((await screen.findByTestId('join-error-path')).textContent).toContain('Het serveradres klopt niet.');
    await waitFor(() => expect(document.activeElement).toBe(input('join-server-address')));

    backend.joinBranch.mockRejectedValueOnce(refused('Deze database is al in gebruik. Een laptop sluit aan met een nieuwe, lege database; er is niets veranderd.', null));
    await userEvent.click(screen.getByTestId('join-submit'));
    expect((await screen.findByTestId('join-failure')).textContent).toContain('Deze database is al in gebruik.');
    expect(screen.queryByTestId('join-error-path')).toBeNull();
    expect(screen.queryByTestId('join-error-name')).toBeNull();
  });
});

describe('join codes', () => {
  it('are shown in groups of four, whatever came', () => {
    expect(groupedCode('K7QF-3MZP-W8TD-A2XN-H6RB')).toBe('K7QF-3MZP-W8TD-A2XN-H6RB');
    expect(groupedCode('k7qf3mzpw8tda2xnh6rb')).toBe('K7QF-3MZP-W8TD-A2XN-H6RB');
    expect(groupedCode(' k7qf 3mzp-w8td ')).toBe('K7QF-3MZP-W8TD');
    expect(groupedCode('')).toBe('');
  });
});
