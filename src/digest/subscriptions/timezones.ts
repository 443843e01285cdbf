/**
 * Time zones as people look for them. Names are the current IANA ones (Europe/Kyiv, Asia/Kolkata), although the
 * runtime's ICU still reports the old ones it keeps as canonical (Europe/Kiev, Asia/Calcutta); a zone is found by
 * its name, a city, the country it is in, an old name or a common alias ("kyiv", "kiev", "india", "new york").
 */
import { IANAZone } from 'luxon';
import countries from 'world-countries/countries.json' with { type: 'json' };
import { ZONES_BY_COUNTRY } from './zone-countries.js';

/**
 * Zones IANA renamed (the old name is now a link) that CLDR, and so Intl and luxon, still report under the old
 * name: old to current. Every old name Node 20's Intl.supportedValuesOf('timeZone') lists, as of tz 2025b.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** Names people use for a zone that neither its name, its country nor the country's capital gives. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  'America/New_York': ['eastern time', 'washington', 'washington dc', 'nyc', 'boston', 'miami', 'atlanta'],
  'America/Chicago': ['central time', 'houston', 'dallas'],
  'America/Denver': ['mountain time'],
  'America/Phoenix': ['arizona'],
  'America/Los_Angeles': ['pacific time', 'california', 'san francisco', 'seattle'],
  'America/Anchorage': ['alaska'],
  'Pacific/Honolulu': ['hawaii'],
  'America/Toronto': ['ottawa', 'montreal'],
  'America/Sao_Paulo': ['brasilia', 'rio de janeiro'],
  'Australia/Sydney': ['canberra'],
  'Asia/Kolkata': ['bombay', 'mumbai', 'delhi', 'bangalore', 'bengaluru', 'chennai', 'madras'],
  'Asia/Shanghai': ['beijing', 'peking'],
  'Asia/Ho_Chi_Minh': ['saigon', 'hanoi'],
  'Asia/Dubai': ['abu dhabi'],
  'Europe/Istanbul': ['ankara'],
  'Europe/London': ['england', 'scotland', 'wales', 'britain'],
  'Asia/Karachi': ['islamabad'],
  'Africa/Lagos': ['abuja'],
  'Asia/Jerusalem': ['tel aviv'],
};

interface CountryRecord {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  capital: string[];
}

const current = new Map(Object.entries(RENAMED).filter(([, now]) => IANAZone.isValidZone(now)));

/** A zone's current IANA name: `Europe/Kiev` -> `Europe/Kyiv`; other zones as they are. */
export function currentZoneName(zone: string): string {
  return current.get(zone) ?? zone;
}

/** A valid zone in its canonical current spelling (`europe/kiev` -> `Europe/Kyiv`), else undefined. */
export function canonicalZone(input: string): string | undefined {
  const zone = input.trim();
  if (!zone || !IANAZone.isValidZone(zone)) return undefined;
  if (zone.toUpperCase() === 'UTC') return 'UTC';
  try {
    return currentZoneName(new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return undefined;
  }
}

let zones: string[] | undefined;

/** Every zone a subscription may use, by current name: UTC, then the runtime's IANA zones in order. */
export function listTimezones(): string[] {
  zones ??= [
    'UTC',
    ...[...new Set(Intl.supportedValuesOf('timeZone').map(currentZoneName))]
      .filter((zone) => zone !== 'UTC')
      .sort(),
  ];
  return zones;
}

/** How names are compared: no case, no accents, `_` as a space. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

interface ZoneEntry {
  zone: string;
  /** The folded zone name, `america/new york`. */
  key: string;
  /** Folded names it is found by: its places, old names, country names, aliases. */
  names: string[];
  /** The country it is in, for the label. */
  country?: string;
  /** Its place among its country's zones: the capital's first (-1), then in zone.tab's order. */
  order: number;
}

function zoneNames(zone: string): string[] {
  // America/Argentina/Buenos_Aires: "argentina" and "buenos aires"; the region alone is not a name.
  return zone.split('/').slice(1).map(fold);
}

let entries: ZoneEntry[] | undefined;

function index(): ZoneEntry[] {
  if (entries) return entries;
  const byZone = new Map<string, ZoneEntry>();
  for (const zone of listTimezones()) {
    byZone.set(zone, { zone, key: fold(zone), names: zoneNames(zone), order: Number.MAX_SAFE_INTEGER });
  }
  for (const [old, now] of current) {
    const entry = byZone.get(now);
    if (entry) entry.names.push(fold(old), ...zoneNames(old));
  }
  for (const [zone, aliases] of Object.entries(ALIASES)) byZone.get(zone)?.names.push(...aliases.map(fold));
  const records = new Map((countries as CountryRecord[]).map((record) => [record.cca2, record]));
  for (const [code, countryZones] of Object.entries(ZONES_BY_COUNTRY)) {
    const record = records.get(code);
    const names = record
      ? [record.name.common, record.name.official, ...record.altSpellings].map(fold)
      : [code.toLowerCase()];
    const capitals = (record?.capital ?? []).map(fold);
    countryZones.forEach((zone, place) => {
      const entry = byZone.get(zone);
      if (!entry) return;
      // The capital's zone is the country's main one (Kyiv, not Simferopol); else zone.tab's first.
      const order = entry.names.some((name) => capitals.includes(name)) ? -1 : place;
      entry.names.push(...names);
      // A capital finds its country's zone when there is only one to find.
      if (countryZones.length === 1) entry.names.push(...capitals);
      if (order < entry.order) {
        entry.order = order;
        if (record) entry.country = record.name.common;
      }
    });
  }
  entries = [...byZone.values()];
  for (const entry of entries) entry.names = [...new Set(entry.names)];
  return entries;
}

/** 0 the zone or one of its names exactly, 1 the zone name's start, 2 a name's (or a word's) start, 3 within. */
function score(entry: ZoneEntry, wanted: string): number | undefined {
  if (entry.key === wanted || entry.names.includes(wanted)) return 0;
  if (entry.key.startsWith(wanted)) return 1;
  if (entry.names.some((name) => name.startsWith(wanted) || name.includes(` ${wanted}`))) return 2;
  if (entry.key.includes(wanted)) return 3;
  return undefined;
}

export interface ZoneMatch {
  zone: string;
  /** The zone with its country, `Asia/Kolkata (India)`, for a list to pick from. */
  label: string;
}

function labelOf(entry: ZoneEntry): string {
  if (!entry.country || entry.key.includes(fold(entry.country))) return entry.zone;
  return `${entry.zone} (${entry.country})`;
}

/** Zones for what someone typed, best first: exact names, then zone names, then places and countries. */
export function searchTimezones(typed: string, limit = 25): ZoneMatch[] {
  const wanted = fold(typed);
  if (!wanted)
    return index()
      .slice(0, limit)
      .map((entry) => ({ zone: entry.zone, label: labelOf(entry) }));
  const found: { entry: ZoneEntry; score: number }[] = [];
  for (const entry of index()) {
    const rank = score(entry, wanted);
    if (rank !== undefined) found.push({ entry, score: rank });
  }
  found.sort(
    (a, b) =>
      a.score - b.score ||
      a.entry.order - b.entry.order ||
      (a.entry.zone < b.entry.zone ? -1 : a.entry.zone > b.entry.zone ? 1 : 0),
  );
  return found.slice(0, limit).map(({ entry }) => ({ zone: entry.zone, label: labelOf(entry) }));
}
