/**
 * Message-id prefixes whose Urdu must be complete: the question kit every widget is built from, and
 * the provider. Other parts' strings (a widget's own screens, editors' error details) show in
 * English until translated; add their prefix here once they are, and the tests hold them to it.
 */
export const URDU_REQUIRED_PREFIXES = ['kit.', 'provider.'];

export const urduRequired = (id: string) => URDU_REQUIRED_PREFIXES.some((prefix) => id.startsWith(prefix));
