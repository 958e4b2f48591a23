// The seam: commands go out under their Rust names with camelCase argument keys, and whatever a
// command rejects with comes back as an ApiError.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { tauriBackend, toApiError } from './backend';

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
