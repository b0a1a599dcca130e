/** Clip lengths, as players show them ("1:05", "1:02:03") and as a screen reader should say them. */

function parts(totalSeconds: number) {
  const total = Math.max(0, Math.round(totalSeconds));
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** 65 -> "1:05"; 3723 -> "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const { hours, minutes, seconds } = parts(totalSeconds);
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

const unit = (value: number, name: string) => `${value} ${name}${value === 1 ? '' : 's'}`;

/** 65 -> "1 minute 5 seconds"; 60 -> "1 minute"; 0 -> "0 seconds". */
export function spokenDuration(totalSeconds: number): string {
  const { hours, minutes, seconds } = parts(totalSeconds);
  const said = [
    hours > 0 ? unit(hours, 'hour') : null,
    minutes > 0 ? unit(minutes, 'minute') : null,
    seconds > 0 ? unit(seconds, 'second') : null,
  ].filter((part) => part !== null);
  return said.length > 0 ? said.join(' ') : unit(0, 'second');
}
