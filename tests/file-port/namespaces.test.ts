/**
 * The one helper through which the file port declares the prefixes it writes, and the part encodings it
 * keeps. The producer corpus (tests/producers) checks the same on whole packages; these pin the cases.
 */
import { ensureRelNamespace, relIdOf } from '../../src/workbook/file/pkg';
import { decodePart, encodePart, ensureRootNamespace, namespaceDeclarations, rootElement } from '../../src/workbook/file/xml';
import { namespaceProblem } from '../producers/corpus';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

describe('ensureRootNamespace', () => {
  it('declares the relationships prefix on the root when the producer declared it only on each <sheet> (openpyxl)', () => {
    const xml = `<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${REL}" name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const { xml: out, prefix } = ensureRelNamespace(xml);
    expect(prefix).toBe('r');
    expect(namespaceDeclarations(rootElement(out)!.tag).get('r')).toBe(REL);
    const added = out.replace('</sheets>', `<sheet name="B" sheetId="2" ${prefix}:id="rId2"/></sheets>`);
    expect(namespaceProblem(added)).toBeNull();
    // Before the fix the check found the declaration on the first <sheet> and declared nothing.
    expect(namespaceProblem(xml.replace('</sheets>', '<sheet name="B" sheetId="2" r:id="rId2"/></sheets>'))).toMatch(/unbound/i);
  });

  it("uses the producer's own prefix when its root already binds the namespace (ns:, rel:)", () => {
    const xml = `<?xml version="1.0"?>\n<ns2:workbook xmlns:ns2="${MAIN}" xmlns:ns="${REL}"><ns2:sheets/></ns2:workbook>`;
    const r = ensureRelNamespace(xml);
    expect(r).toEqual({ xml, prefix: 'ns' });
  });

  it('never uses a prefix the part binds elsewhere to another namespace', () => {
    const xml = `<x:workbook xmlns:x="${MAIN}"><x:extLst><x:ext xmlns:r="urn:other"/></x:extLst></x:workbook>`;
    const { xml: out, prefix } = ensureRelNamespace(xml);
    expect(prefix).toBe('r1');
    expect(namespaceDeclarations(rootElement(out)!.tag).get('r1')).toBe(REL);
  });

  it('declares the strict twin in a strict part, and accepts either when already bound', () => {
    const strict = '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets/></workbook>';
    const { xml } = ensureRelNamespace(strict);
    expect(namespaceDeclarations(rootElement(xml)!.tag).get('r')).toBe(STRICT_REL);
    const bound = `<workbook xmlns="${MAIN}" xmlns:rel="${STRICT_REL}"/>`;
    expect(ensureRootNamespace(bound, REL, 'r', { accept: [STRICT_REL] }).prefix).toBe('rel');
  });

  it('finds the root past the declaration, comments and a doctype', () => {
    const xml = '\uFEFF<?xml version="1.0"?><!-- saved by hand --><!DOCTYPE x><x:worksheet xmlns:x="urn:m"><x:sheetData/></x:worksheet>';
    expect(rootElement(xml)).toMatchObject({ prefix: 'x:', localName: 'worksheet' });
  });
});

describe('relIdOf', () => {
  it('reads the relationship id whatever its prefix, declared on the element or the root', () => {
    expect(relIdOf(`<sheet xmlns:r="${REL}" name="A" r:id="rId3"/>`, new Map())).toBe('rId3');
    expect(relIdOf('<x:sheet name="A" ns:id="R0a1b"/>', new Map([['ns', REL]]))).toBe('R0a1b');
    expect(
      relIdOf(
        '<sheet z:id="no" r:id="yes"/>',
        new Map([
          ['z', 'urn:other'],
          ['r', REL],
        ]),
      ),
    ).toBe('yes');
  });
});

describe('part encodings', () => {
  it.each([
    ['UTF-8', [0x3c, 0x61, 0x2f, 0x3e]],
    ['UTF-8 with a BOM', [0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]],
    ['UTF-16LE with a BOM', [0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0]],
    ['UTF-16BE with a BOM', [0xfe, 0xff, 0, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e]],
    ['UTF-16LE without a BOM', [0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0]],
  ])('%s decodes to text without the mark and encodes back to the same bytes', (_name, raw) => {
    const bytes = Uint8Array.from(raw);
    const { text, encoding } = decodePart(bytes);
    expect(text).toBe('<a/>');
    expect([...encodePart(text, encoding)]).toEqual(raw);
  });

  it('keeps Chinese text and characters beyond the BMP through UTF-16', () => {
    const text = '<t>花名册 𠀀</t>';
    const { encoding } = decodePart(Uint8Array.from([0xff, 0xfe]));
    expect(decodePart(encodePart(text, encoding)).text).toBe(text);
  });
});

describe('notes in a VML drawing with its own prefixes', () => {
  it("writes the add-in's shapes in the prefixes the drawing binds, and declares the ones it lacks", async () => {
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const { buildQuirkFixture, QUIRK_FIXTURES } = await import('../producers/quirks');
    const { openXlsx } = await import('../../src/workbook/file');
    const { ROSTER_SHEET } = await import('../producers/roster');
    const parts = unzipSync(buildQuirkFixture(QUIRK_FIXTURES.find((f) => f.file === 'excel-365.xlsx')!.quirks));
    // The teacher's VML with vml: for the VML namespace and no declaration of the Excel one (its note's ClientData dropped).
    const vml = strFromU8(parts['xl/drawings/vmlDrawing1.vml'])
      .replace(/(<\/?)v:/g, '$1vml:')
      .replace(/\sv:ext=/g, ' vml:ext=')
      .replace('xmlns:v=', 'xmlns:vml=')
      .replace(/\r\n xmlns:x="[^"]*"/, '')
      .replace(/<x:ClientData[\s\S]*?<\/x:ClientData>/, '');
    expect(namespaceProblem(vml)).toBeNull();
    parts['xl/drawings/vmlDrawing1.vml'] = strToU8(vml);
    const port = openXlsx(zipSync(parts));
    await port.apply({ ops: [{ kind: 'markCells', sheet: ROSTER_SHEET, marks: [{ sheet: ROSTER_SHEET, row: 3, col: 4, note: '身份证号校验位不对', fill: '#FFC7CE' }] }] });
    const out = strFromU8(unzipSync(port.save())['xl/drawings/vmlDrawing1.vml']);
    expect(namespaceProblem(out)).toBeNull();
    expect(out).toMatch(/<vml:shape id="_x0000_s\d+"[^>]*>[\s\S]*<x:Row>3<\/x:Row>/);
    expect(out).not.toMatch(/<v:/);
  });
});
