// The server's address: typed as given (no capitals, no spelling corrections), and where it holds a
// password hidden until the coordinator asks to see it, to check it against the one IT gave.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../i18n/i18n.svelte';
import ServerAddressField from './ServerAddressField.svelte';
import { Refusal } from './form.svelte';

const ADDRESS = 'postgres://afdeling:geheim@server.example.nl/draagkracht';

function field(secret: boolean) {
  let typed = '';
  render(ServerAddressField, {
    props: {
      id: 'x-address',
      testid: 'x-address',
      label: 'Adres van de server',
      hint: 'Van de IT-medewerker.',
      secret,
      refusal: new Refusal({}),
      field: 'path',
      errorId: 'x-error-folder',
      get value() {
        return typed;
      },
      set value(v: string) {
        typed = v;
      },
    },
  });
  return { input: screen.getByLabelText('Adres van de server') as HTMLInputElement, typed: () => typed };
}

beforeEach(() => applyLanguage('nl'));
afterEach(() => applyLanguage('nl'));

describe('ServerAddressField', () => {
  it('takes the address as typed, without corrections, and has no button when it holds no password', async () => {
    const { input, typed } = field(false);
    expect(input.type).toBe('text');
    expect(input.getAttribute('spellcheck')).toBe('false');
    expect(input.getAttribute('autocapitalize')).toBe('none');
    expect(screen.queryByTestId('x-address-show')).toBeNull();
    await userEvent.type(input, ADDRESS);
    expect(typed()).toBe(ADDRESS);
  });

  it('hides an address with a password, and shows it while asked, keeping what was typed', async () => {
    const { input, typed } = field(true);
    await userEvent.type(input, ADDRESS);
    expect(input.type).toBe('password');

    const button = screen.getByTestId('x-address-show');
    expect(button.textContent?.trim()).toBe('Toon');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-controls')).toBe('x-address');

    await userEvent.click(button);
    expect(input.type).toBe('text');
    expect(input.value).toBe(ADDRESS);
    expect(button.textContent?.trim()).toBe('Verberg');

    applyLanguage('en');
    flushSync();
    expect(button.textContent?.trim()).toBe('Hide');

    await userEvent.click(button);
    expect(input.type).toBe('password');
    expect(button.textContent?.trim()).toBe('Show');
    expect(typed()).toBe(ADDRESS);
  });
});
