import { formatLongDate, houseIsoDate } from '../../lib/time';
import { useNow } from '../../lib/useNow';

/** Today's date in the house time zone; it turns over at midnight in a tab left open. */
export function TodayDate({ className }: { className: string }) {
  const now = new Date(useNow());
  return (
    <time dateTime={houseIsoDate(now)} className={className}>
      {formatLongDate(now)}
    </time>
  );
}
