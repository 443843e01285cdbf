/**
 * Corrections to the world-countries data for reading English news. Keys are world-countries `cca2` codes
 * except where a list says otherwise.
 */

/** Aliases the data lacks, by cca2. */
export const EXTRA_COUNTRY_ALIASES: Record<string, string[]> = {
  GB: ['Britain', 'Northern Ireland', 'Northern Irish', 'Britons'],
  UA: ['Kiev'],
  TR: ['Turkey', 'Turks'],
  SA: ['Saudis'],
  AE: ['Emiratis'],
  NG: ['Niger Delta'],
  CZ: ['Czechs'],
  VA: ['Holy See'],
  PS: ['Palestinians'],
};

/**
 * Names from the data that are ordinary English words, first names or towns elsewhere, and would turn
 * everyday sentences into mentions (`island`, `Victoria`, `The Valley`, `Malé` folded to `male`).
 */
export const DROPPED_ALIASES = new Set([
  'Island',
  'Prathet',
  'Pleasant Island',
  'The Valley',
  'The Bottom',
  'West Island',
  'Hamilton',
  'Stanley',
  'Douglas',
  'Victoria',
  'City of Victoria',
  'Plymouth',
  'Jamestown',
  'Saint-Denis',
  'Saint-Pierre',
  'Cayenne',
  'Mann',
  'Malé',
  'Central African',
  'Timor',
]);

/** Names two countries share in ordinary usage even where the data gives them to one: neither gets them. */
export const AMBIGUOUS_NAMES = [
  'Korea',
  'Korean',
  'Koreans',
  'Congo',
  'Congolese',
  'Virgin Islands',
  'Virgin Islander',
  'Channel Islander',
  'Dominican',
];

/**
 * Two-letter country codes kept as case-sensitive aliases only when they are not English words, US state
 * codes or everyday abbreviations (`AI`, `PM`, `TV`, `LA`).
 */
export const UNUSABLE_CODES = new Set(
  [
    // English words
    'AD AM AN AS AT BE BY DO GO HE HI ID IF IN IS IT ME MY NO OF OH OK ON OR SO TO UP WE',
    // US states, districts and territories
    'AL AK AZ AR CA CO CT DC DE FL GA GU HI IA IL KS KY LA MA MD MI MN MO MP MS MT NC ND NE NH NJ NM NV NY OH PA PR RI SC SD TN TX UT VA VI VT WA WI WV WY',
    // Everyday abbreviations and units
    'AI AU BS CC CD CV DJ EC ER ET FM GB GP HM HR IO IQ KM MC MB MG ML MM MT NA PC PM PS RE SA SE SS ST TV VC',
  ]
    .join(' ')
    .split(' '),
);

/** Aliases that are also common lowercase words: they count only when capitalised (`china` cups, `polish`). */
export const CAPITALISED_ONLY = new Set([
  'china',
  'turkey',
  'polish',
  'guinea',
  'jersey',
  'reunion',
  'chile',
  'jordan',
]);

/** Phrases that contain a party's name but are not about it; matching them first keeps them silent. */
export const NOT_PARTIES = [
  'New Jersey',
  'New Mexico',
  'New Mexican',
  'New Guinea',
  'Guinea pig',
  'Guinea pigs',
  'West Indies',
  'West Indian',
  'Latin America',
  'Latin American',
  'Latin Americans',
  'North America',
  'North American',
  'South America',
  'South American',
  'Central America',
  'Central American',
  'Native American',
  'Native Americans',
  'Washington State',
];
