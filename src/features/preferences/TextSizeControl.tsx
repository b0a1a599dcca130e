import { setTextSize, TEXT_SIZES, usePreference, type TextSize } from './preferences';

/** "Text size" for the article body: four steps, remembered; applies as <html data-text-size>. */
export function TextSizeControl() {
  const textSize = usePreference('textSize');
  return (
    <label className="flex items-center gap-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
      Text size
      <select
        value={textSize}
        onChange={(event) => setTextSize(event.target.value as TextSize)}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm font-normal text-slate-900 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100"
      >
        {TEXT_SIZES.map((size) => (
          <option key={size.value} value={size.value}>
            {size.label}
          </option>
        ))}
      </select>
    </label>
  );
}
