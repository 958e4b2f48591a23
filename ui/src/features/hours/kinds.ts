// The kinds of hours in the order the forms offer them; support is the default.
import type { HourKind } from '../../api/bindings';

export const KINDS: readonly HourKind[] = ['support', 'meeting', 'training', 'travel'];
