export {
  SUPPORTED_LOCALES,
  SOURCE_LOCALE,
  textDirection,
  negotiateLocale,
  pluralCategory,
  type SupportedLocale,
} from './locale.js';
export { localiseDefinition } from './localise.js';
