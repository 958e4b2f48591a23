// The server's address as the window may show it: the password never again, whatever its shape.
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/bindings';
import { addressProblem, isServerAddress, maskedError, maskedPlace, withoutPasswords } from './place';

describe('the place', () => {
  it('is a server for postgres:// and postgresql://, a folder otherwise', () => {
    expect(isServerAddress('postgres://humanitas:geheim@server.humanitas.nl/draagkracht')).toBe(true);
    expect(isServerAddress('  postgresql://server.humanitas.nl/draagkracht')).toBe(true);
    // The backend takes only small letters for a server; anything else would be a folder.
    expect(isServerAddress('POSTGRES://server/db')).toBe(false);
    expect(isServerAddress('/home/marieke/OneDrive - Humanitas/Draagkracht')).toBe(false);
    expect(isServerAddress('C:\\Users\\marieke\\OneDrive\\Draagkracht')).toBe(false);
    expect(isServerAddress('https://server.humanitas.nl')).toBe(false);
    expect(isServerAddress('postgres:server')).toBe(false);
  });

  it('says what is wrong with a typed address before anything is asked', () => {
    expect(addressProblem('')).toBe('required');
    expect(addressProblem('   ')).toBe('required');
    expect(addressProblem('server.humanitas.nl/draagkracht')).toBe('invalid_format');
    expect(addressProblem('mysql://server/db')).toBe('invalid_format');
    expect(addressProblem('Postgres://server/db')).toBe('invalid_format');
    expect(addressProblem(' postgres://humanitas:geheim@server.humanitas.nl/draagkracht ')).toBeNull();
    expect(addressProblem('postgresql://server.humanitas.nl/draagkracht')).toBeNull();
  });
});

describe('a password in the address', () => {
  it('is hidden, the rest shown as it came', () => {
    expect(maskedPlace('postgres://humanitas:wachtwoord@server.humanitas.nl/draagkracht')).toBe('postgres://humanitas:••••@server.humanitas.nl/draagkracht');
    expect(maskedPlace('postgresql://u:p@server.nl:5432/db?sslmode=verify-full')).toBe('postgresql://u:••••@server.nl:5432/db?sslmode=verify-full');
    expect(maskedPlace(' postgres://u:geheim@localhost/db ')).toBe('postgres://u:••••@localhost/db');
  });

  it('is hidden whole when it holds an @, a : or a ? of its own', () => {
    expect(maskedPlace('postgres://u:ge@heim@server.nl/db')).toBe('postgres://u:••••@server.nl/db');
    expect(maskedPlace('postgres://u:ge:he?im@server.nl/db')).toBe('postgres://u:••••@server.nl/db');
    expect(maskedPlace('postgres://u:ge@heim@server.nl/db')).not.toContain('heim');
  });

  it('is hidden whatever the scheme is written like', () => {
    expect(maskedPlace('POSTGRES://u:geheim@server.nl/db')).toBe('POSTGRES://u:••••@server.nl/db');
    expect(withoutPasswords('Adres Postgresql://u:geheim@server.nl/db.')).toBe('Adres Postgresql://u:••••@server.nl/db.');
  });

  it('is hidden in the query too', () => {
    expect(maskedPlace('postgres://server.nl/db?user=u&password=geheim&sslmode=require')).toBe('postgres://server.nl/db?user=u&password=••••&sslmode=require');
    expect(maskedPlace('postgres://server.nl/db?password=geheim')).toBe('postgres://server.nl/db?password=••••');
  });

  it('leaves an address without one, and a folder, as they are', () => {
    expect(maskedPlace('postgres://humanitas@server.nl/db')).toBe('postgres://humanitas@server.nl/db');
    expect(maskedPlace('postgres://server.nl/db')).toBe('postgres://server.nl/db');
    expect(maskedPlace('/home/marieke/OneDrive - Humanitas/Draagkracht')).toBe('/home/marieke/OneDrive - Humanitas/Draagkracht');
    expect(maskedPlace('/home/marieke/naam:met@teken')).toBe('/home/marieke/naam:met@teken');
    expect(maskedPlace('')).toBe('');
  });

  it('is hidden wherever an address stands in a message', () => {
    expect(withoutPasswords('In postgres://u:geheim@server.nl/db staat geen uitnodiging met deze code.')).toBe(
      'In postgres://u:••••@server.nl/db staat geen uitnodiging met deze code.',
    );
    expect(withoutPasswords('Eerst postgres://a:x@één/db, dan postgresql://b:y@twee/db.')).toBe('Eerst postgres://a:••••@één/db, dan postgresql://b:••••@twee/db.');
    expect(withoutPasswords('De gedeelde map /media/usb is niet bereikbaar.')).toBe('De gedeelde map /media/usb is niet bereikbaar.');
  });

  it('is hidden in both languages of a failure, which otherwise stays as it came', () => {
    const failure: ApiError = {
      code: 'not_found',
      message: 'In postgres://u:geheim@server.nl/db staat geen uitnodiging met deze code.',
      messageEn: 'postgres://u:geheim@server.nl/db holds no invitation with this code.',
      field: null,
      reason: null,
    };
    expect(maskedError(failure)).toEqual({
      ...failure,
      message: 'In postgres://u:••••@server.nl/db staat geen uitnodiging met deze code.',
      messageEn: 'postgres://u:••••@server.nl/db holds no invitation with this code.',
    });
  });
});
