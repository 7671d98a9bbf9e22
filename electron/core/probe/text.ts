// Real pages vary in accents, case, apostrophes and whitespace: compare texts in one normal form.

/** Lower case, without accents, typographic apostrophes and dashes made plain, whitespace collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** True when `haystack` contains `needle`, both normalised. */
export function containsText(haystack: string, needle: string): boolean {
  return normalizeText(haystack).includes(normalizeText(needle));
}

/** Same text, case, accents and spacing aside ("Salarié-Étudiant" = "salarie - etudiant"). */
export function sameText(a: string, b: string): boolean {
  return normalizeText(a).replaceAll(' ', '') === normalizeText(b).replaceAll(' ', '');
}
