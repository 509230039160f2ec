import { REGION_CODES_PACKED } from './regionCodes';

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
  return regionCodes().has(code);
}

let unpacked: Set<string> | undefined;

/** Unpacked once, on the first ID checked (about 4,000 codes). */
function regionCodes(): Set<string> {
  if (unpacked) return unpacked;
  const set = new Set<string>();
  for (const run of REGION_CODES_PACKED.split(';')) {
    const prefix = run.slice(0, 4);
    for (let i = 4; i < run.length; i += 2) set.add(prefix + run.slice(i, i + 2));
  }
  return (unpacked = set);
}
