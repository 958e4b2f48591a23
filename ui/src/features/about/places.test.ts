// The folder "Map openen" opens for the database: the one the file is in, on Linux and Windows.
import { describe, expect, it } from 'vitest';
import { folderOf } from './places';

describe('folderOf', () => {
  it('is the folder the file is in', () => {
    expect(folderOf('/home/anna/.local/share/nl.draagkracht.app/draagkracht.sqlite')).toBe('/home/anna/.local/share/nl.draagkracht.app');
    expect(folderOf('C:\\Users\\Anna\\AppData\\Roaming\\nl.draagkracht.app\\draagkracht.sqlite')).toBe(
      'C:\\Users\\Anna\\AppData\\Roaming\\nl.draagkracht.app',
    );
  });

  it('keeps the root whole', () => {
    expect(folderOf('/draagkracht.sqlite')).toBe('/');
    expect(folderOf('C:\\draagkracht.sqlite')).toBe('C:\\');
    expect(folderOf('draagkracht.sqlite')).toBe('.');
  });
});
