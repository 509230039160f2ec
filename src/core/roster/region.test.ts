import { isKnownRegionCode } from './region';

describe('isKnownRegionCode', () => {
  it('knows current county codes', () => {
    expect(isKnownRegionCode('110105')).toBe(true); // 北京市朝阳区
    expect(isKnownRegionCode('430524')).toBe(true); // 湖南省隆回县
    expect(isKnownRegionCode('621022')).toBe(true); // 甘肃省环县
  });

  it('knows codes of counties since merged or renamed', () => {
    expect(isKnownRegionCode('110103')).toBe(true); // 崇文区, merged into 东城区 in 2010
    expect(isKnownRegionCode('522427')).toBe(true); // 威宁县 under 毕节地区, renumbered 520526 in 2011
    expect(isKnownRegionCode('520526')).toBe(true);
  });

  it('knows province and prefecture codes, which some IDs carry', () => {
    expect(isKnownRegionCode('430000')).toBe(true);
    expect(isKnownRegionCode('430500')).toBe(true);
  });

  it("accepts residence permits of Hong Kong, Macao and Taiwan residents and foreigners' permanent residence IDs", () => {
    expect(isKnownRegionCode('810000')).toBe(true);
    expect(isKnownRegionCode('830000')).toBe(true);
    expect(isKnownRegionCode('931000')).toBe(true);
  });

  it('rejects codes no revision ever had', () => {
    expect(isKnownRegionCode('000000')).toBe(false);
    expect(isKnownRegionCode('123456')).toBe(false); // no province 12xx56
    expect(isKnownRegionCode('439999')).toBe(false);
    expect(isKnownRegionCode('110199')).toBe(false);
    expect(isKnownRegionCode('810001')).toBe(false);
    expect(isKnownRegionCode('11010')).toBe(false);
  });
});
