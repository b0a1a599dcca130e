/** Reader preferences: theme (light, dark, system) and article text size, remembered. */
export { ThemeMenu } from './ThemeMenu';
export { TextSizeControl } from './TextSizeControl';
export {
  usePreference,
  setTheme,
  setTextSize,
  readPreferences,
  applyPreferences,
  THEME_KEY,
  TEXT_SIZE_KEY,
  type ThemeChoice,
  type TextSize,
  type Preferences,
} from './preferences';
