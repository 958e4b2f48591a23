// The volunteer statuses in lifecycle order, for filters and forms, and the ones a new volunteer
// may start with (the backend enforces the same rule and says so when refused).
import type { VolunteerStatus } from '../../api/bindings';

export const STATUSES: readonly VolunteerStatus[] = ['registered', 'intake', 'active', 'resting', 'stopped'];

export const NEW_VOLUNTEER_STATUSES: readonly VolunteerStatus[] = ['registered', 'intake', 'active'];
