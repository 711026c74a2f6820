export { CarerVoice } from './carer-voice.js';
export { CarerConfigController, type ConfigurableHost } from './config-controller.js';
export { endpointContext, partnerContext, localeContext, themeContext, type CarerLocale } from './contexts.js';
export { THEME_PROPERTIES, applyTheme, checkTheme, type CarerTheme, type ThemeCheck } from './theme.js';
