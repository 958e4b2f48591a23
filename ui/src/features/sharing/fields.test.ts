// The backend's sharing refusals name no field yet: the one they are about is told from their
// words, and only a field the form has gets it.
import { describe, expect, it } from 'vitest';
import type { ApiError, ErrorCode, Field } from '../../api/bindings';
import { atItsField, DEVICE_NAME, FOLDER, JOIN_CODE } from './fields';

/** A failure without a field, in the backend's words. */
function failure(code: ErrorCode, message: string): ApiError {
  return { code, message, messageEn: message, field: null, reason: null };
}

const JOIN: readonly Field[] = [DEVICE_NAME, FOLDER, JOIN_CODE];
const START: readonly Field[] = [DEVICE_NAME, FOLDER];

describe('a sharing failure without a field', () => {
  it("goes to this laptop's name when it is about the name", () => {
    const refused = failure('invalid_input', "Geef deze laptop een naam, zodat je collega's hem herkennen.");
    expect(atItsField(refused, START)).toEqual({ ...refused, field: 'name' });
    expect(atItsField(refused, JOIN).field).toBe(DEVICE_NAME);
  });

  it('goes to the code when it is about the code, and a wrong code always does', () => {
    expect(atItsField(failure('invalid_input', 'Een code heeft 20 letters en cijfers, zoals ABCD-EFGH-JKMN-PQRS-TVWX.'), JOIN).field).toBe(JOIN_CODE);
    expect(atItsField(failure('invalid_input', 'Deze code is verlopen. Vraag je collega om een nieuwe uitnodiging.'), JOIN).field).toBe(JOIN_CODE);
    expect(atItsField(failure('wrong_passphrase', 'Deze code klopt niet. Er is niets veranderd; kijk de code na.'), JOIN).field).toBe(JOIN_CODE);
  });

  it("goes to the server's address when it says to check that address", () => {
    const login = failure(
      'storage',
      'De server kent deze inlognaam, dit wachtwoord of deze database niet. Controleer het serveradres dat je van je beheerder kreeg.',
    );
    expect(atItsField(login, START).field).toBe(FOLDER);
    // An example address in the message is not about the laptop's name.
    const example = failure('invalid_input', 'Het serveradres moet beginnen met postgres:// (bijvoorbeeld postgres://naam:wachtwoord@server.example.nl:5432/draagkracht).');
    expect(atItsField(example, JOIN).field).toBe(FOLDER);
  });

  it('stays above the form when it names nothing, is no refusal, or its field is not in the form', () => {
    const inUse = failure('invalid_input', 'Deze database is al in gebruik. Een laptop sluit aan met een nieuwe, lege database; er is niets veranderd.');
    expect(atItsField(inUse, JOIN)).toBe(inUse);
    const switching = failure('invalid_input', 'Deze afdeling werkt al samen. Een andere map kiezen kan; wisselen tussen map en server nog niet.');
    expect(atItsField(switching, START)).toBe(switching);
    // "code" in a failure that is no refusal: the place holds no such invitation.
    const none = failure('not_found', 'In /media/usb staat geen uitnodiging met deze code. Kijk of het de goede plek is.');
    expect(atItsField(none, JOIN)).toBe(none);
    const unreachable = failure('storage', 'De server is niet bereikbaar. Je wijzigingen blijven op deze laptop bewaard.');
    expect(atItsField(unreachable, JOIN)).toBe(unreachable);
    // Starting to share has no code field.
    const code = failure('invalid_input', 'Een code heeft 20 letters en cijfers.');
    expect(atItsField(code, START)).toBe(code);
    // Part of a word is not the word.
    const login = failure('invalid_input', 'Deze inlognaam hoort bij een barcode.');
    expect(atItsField(login, JOIN)).toBe(login);
  });

  it('keeps the field the backend named', () => {
    const named: ApiError = { ...failure('invalid_input', 'Over de naam.'), field: 'recoveryCode' };
    expect(atItsField(named, JOIN)).toBe(named);
  });
});
