import { useI18n } from '../../../components/i18n-context';

/** The last item of a list that shows only the first of many: how many it leaves out. */
export function MoreItems({ shown, total }: { shown: number; total: number }) {
  const words = useI18n();
  return total > shown ? <li class="muted">{words.t('importMoreItems', total - shown)}</li> : null;
}
