// "14 onderdelen", "1 onderdeel": a count of records in the current language.
import { t } from '../../i18n/i18n.svelte';

export function recordCount(count: number): string {
  return count === 1 ? t('personPrivacy.recordsOne') : t('personPrivacy.recordsMany', { count });
}
