import { REGION_NAMES_PACKED } from './regionCodes';

/**
 * The region code of an ID number (its first six digits: the county where it was first issued, GB/T 2260).
 * A code is known when any revision of the standard has it, so a child registered in a county that later
 * merged or was renamed is not flagged. Residence permits for Hong Kong, Macao and Taiwan residents carry
 * 810000, 820000 and 830000 (国办发〔2018〕81号); the permanent residence ID for foreigners (2023 form)
 * starts with 9 and a country code, which this list does not cover, so it is never judged here.
 */
export function isKnownRegionCode(code: string): boolean {
  if (code.length !== 6) return false;
  if (code[0] === '9') return true;
  if (code === '810000' || code === '820000' || code === '830000') return true;
  return regions().has(code);
}

interface Region {
  readonly name: string;
  /** False for a code merged, renamed or renumbered since (崇文区, 邵东县): named, but never compared by name. */
  readonly current: boolean;
}

let unpacked: Map<string, Region> | undefined;

/** Unpacked once, on the first ID checked (about 4,000 codes). */
function regions(): Map<string, Region> {
  if (unpacked) return unpacked;
  const map = new Map<string, Region>();
  for (const run of REGION_NAMES_PACKED.split(';')) {
    const prefix = run.slice(0, 4);
    for (const m of run.slice(4).matchAll(/(\d\d)(~?)([^\d]+)/g)) map.set(prefix + m[1], { name: m[3], current: m[2] === '' });
  }
  return (unpacked = map);
}

/** What an ID's first six digits say: the province, the prefecture-level city and the county, each where known. */
export interface RegionNames {
  readonly province: string;
  /** Null for the placeholders the standard lists under a province (市辖区, 县, 省直辖县级行政区划). */
  readonly city: string | null;
  /** Null when the code is a province's or city's own, or unknown at county level. */
  readonly county: string | null;
  /** The county's code is still in use: its name can be compared with what a roster writes. */
  readonly countyCurrent: boolean;
}

const PLACEHOLDER = /^(?:市辖区|县|市)$|直辖县级行政区划$|直辖行政单位$/;

/**
 * Names the region of an ID's first six digits: 430524 → 湖南省, 邵阳市, 隆回县. A code no revision has is
 * named as far as its province and city are known (439999 → 湖南省); null when not even the province is.
 */
export function regionNames(code: string): RegionNames | null {
  if (!/^[1-9]\d{5}$/.test(code)) return null;
  const map = regions();
  const province = map.get(`${code.slice(0, 2)}0000`);
  if (!province) return null;
  const cityEntry = code.slice(2, 4) === '00' ? undefined : map.get(`${code.slice(0, 4)}00`);
  const city = cityEntry && !PLACEHOLDER.test(cityEntry.name) ? cityEntry.name : null;
  const countyEntry = code.slice(4) === '00' ? undefined : map.get(code);
  const county = countyEntry && !PLACEHOLDER.test(countyEntry.name) ? countyEntry.name : null;
  return { province: province.name, city, county, countyCurrent: countyEntry?.current === true };
}

/** The names run together as written on a form: 湖南省邵阳市隆回县, 北京市朝阳区. */
export function regionText(r: RegionNames): string {
  return [r.province, r.city, r.county].filter((n): n is string => !!n && n !== r.province).reduce((text, n) => text + n, r.province);
}

/** 湖南省 → 湖南, 广西壮族自治区 → 广西, 北京市 → 北京: the short form people write. */
function provinceStem(name: string): string {
  return name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

/**
 * The short form of a county-level name: 隆回县 → 隆回, 邵东市 → 邵东, 城步苗族自治县 → 城步 (an autonomous
 * county is written by its first two characters, 城步县). A name the suffix is the most of (城区, 郊区) has none.
 */
function countyStem(name: string): string | null {
  if (name.includes('自治')) return name.slice(0, 2);
  const stem = name.replace(/(?:特区|林区|新区|[县区市旗])$/, '');
  return stem.length >= 2 ? stem : null;
}

/** The longest county-level name looked for (双江拉祜族佤族布朗族傣族自治县 is 15). */
const LONGEST_COUNTY = 16;
const COUNTY_SUFFIX = new Set(['县', '区', '市', '旗']);

interface ProvinceIndex {
  readonly code: string;
  readonly name: string;
  readonly stem: string;
  /** Current city and county stems of the province, for telling 湖南邵阳… (a province) from 江西村 (a village). */
  readonly placeStems: readonly string[];
  /** Current county-level full names of the province (three characters or more) -> code. */
  readonly counties: ReadonlyMap<string, string>;
}

let provinces: ProvinceIndex[] | undefined;

function provinceIndex(): ProvinceIndex[] {
  if (provinces) return provinces;
  const byProvince = new Map<string, { name: string; stems: Set<string>; counties: Map<string, string> }>();
  for (const [code, r] of regions()) {
    const p = code.slice(0, 2);
    if (code.endsWith('0000')) {
      const entry = byProvince.get(p);
      if (entry) entry.name = r.name;
      else byProvince.set(p, { name: r.name, stems: new Set(), counties: new Map() });
      continue;
    }
    if (!r.current || PLACEHOLDER.test(r.name)) continue;
    let entry = byProvince.get(p);
    if (!entry) byProvince.set(p, (entry = { name: '', stems: new Set(), counties: new Map() }));
    const stem = countyStem(r.name);
    if (stem) entry.stems.add(stem);
    if (!code.endsWith('00') && r.name.length >= 3 && r.name.length <= LONGEST_COUNTY) entry.counties.set(r.name, code);
  }
  provinces = [...byProvince].map(([code, e]) => ({ code, name: e.name, stem: provinceStem(e.name), placeStems: [...e.stems], counties: e.counties }));
  return provinces;
}

let byFirstChar: Map<string, ProvinceIndex[]> | undefined;

function provincesByFirstChar(): Map<string, ProvinceIndex[]> {
  if (byFirstChar) return byFirstChar;
  const map = new Map<string, ProvinceIndex[]>();
  for (const p of provinceIndex()) {
    if (!p.name) continue;
    const list = map.get(p.name[0]);
    if (list) list.push(p);
    else map.set(p.name[0], [p]);
  }
  return (byFirstChar = map);
}

/**
 * The province a place written on a roster starts with, only where that is certain: its full name
 * (湖南省…, 广西壮族自治区…), or its short name followed by one of its cities or counties (湖南邵阳…). A
 * village that happens to start like a province (江西村) names none.
 */
export function provinceNamed(text: string): { readonly code: string; readonly name: string } | null {
  const s = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  // Most places name no province (白水镇…): one lookup by the first character rules them out.
  for (const p of provincesByFirstChar().get(s[0]) ?? []) {
    if (s.startsWith(p.name)) return { code: p.code, name: p.name };
    if (p.stem.length >= 2 && s.startsWith(p.stem)) {
      const rest = s.slice(p.stem.length);
      if (p.placeStems.some((stem) => rest.startsWith(stem))) return { code: p.code, name: p.name };
    }
  }
  return null;
}

/** How a place written on a roster (户籍, 家庭住址) compares with an ID's region code. */
export type PlaceComparison = { readonly kind: 'same' | 'unknown' } | { readonly kind: 'province'; readonly named: string } | { readonly kind: 'county'; readonly named: string };

/**
 * Compares a place with an ID's region, saying "different" only where both are clear: a province the text
 * certainly starts with that is not the ID's; or, within the ID's province, the full name of another
 * current county (新邵县) where the ID's county, still current, is not named even in short (隆回). A county
 * merged or renamed since the ID was issued is never compared by name.
 */
export function comparePlace(code: string, text: string): PlaceComparison {
  const id = placeOfCode(code);
  if (!id) return UNKNOWN;
  const s = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  if (!s) return UNKNOWN;
  const named = provinceNamed(s);
  if (named && named.code !== id.province) return { kind: 'province', named: named.name };
  if (!id.county) return named ? SAME : UNKNOWN;
  if (s.includes(id.county) || (id.stem && s.includes(id.stem))) return SAME;
  const counties = id.counties;
  // Every name ends in 县, 区, 市 or 旗: only the text ending at such a character is looked up.
  for (let end = 3; counties && end <= s.length; end++) {
    if (!COUNTY_SUFFIX.has(s[end - 1])) continue;
    for (let start = Math.max(0, end - LONGEST_COUNTY); start <= end - 3; start++) {
      const name = s.slice(start, end);
      const other = counties.get(name);
      if (other !== undefined && other !== code) return { kind: 'county', named: name };
    }
  }
  return named ? SAME : UNKNOWN;
}

const SAME: PlaceComparison = { kind: 'same' };
const UNKNOWN: PlaceComparison = { kind: 'unknown' };

/** What comparePlace needs of a code, worked out once per code (a school's children share a few). */
interface PlaceOfCode {
  readonly province: string;
  /** The county's name and short form where it is still current, else null: never compared. */
  readonly county: string | null;
  readonly stem: string | null;
  readonly counties: ReadonlyMap<string, string> | undefined;
}

const placesOfCodes = new Map<string, PlaceOfCode | null>();

function placeOfCode(code: string): PlaceOfCode | null {
  let place = placesOfCodes.get(code);
  if (place !== undefined) return place;
  const region = code.startsWith('8') ? null : regionNames(code);
  const county = region?.county && region.countyCurrent ? region.county : null;
  place = region
    ? { province: code.slice(0, 2), county, stem: county ? countyStem(county) : null, counties: provinceIndex().find((p) => p.code === code.slice(0, 2))?.counties }
    : null;
  // Bounded: only codes that are six digits with a known province are kept (a few thousand at most).
  if (place || /^\d{6}$/.test(code)) placesOfCodes.set(code, place);
  return place;
}
