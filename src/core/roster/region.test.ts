import { comparePlace, isKnownRegionCode, provinceNamed, regionNames, regionText } from './region';

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

  // From the yearly 统计用区划代码 lists 2017–2023 (scripts/data/region-codes-2017-2023.tsv): codes created
  // after the 2020 民政部 list, which the data before lacked.
  it('knows county codes created after 2020 (the yearly lists up to 2023)', () => {
    expect(isKnownRegionCode('330113')).toBe(true); // 杭州市临平区, created 2021 from 余杭区
    expect(isKnownRegionCode('350404')).toBe(true); // 三明市三元区, renumbered from 350403 in 2021 (merged with 梅列区)
    expect(isKnownRegionCode('540481')).toBe(true); // 米林市, from 米林县 540422 in 2023
    expect(isKnownRegionCode('659012')).toBe(true); // 新疆白杨市, created 2023
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

describe('regionNames', () => {
  it('names province, city and county of a current code', () => {
    expect(regionNames('430524')).toEqual({ province: '湖南省', city: '邵阳市', county: '隆回县', countyCurrent: true });
    expect(regionText(regionNames('430524')!)).toBe('湖南省邵阳市隆回县');
    expect(regionText(regionNames('450332')!)).toBe('广西壮族自治区桂林市恭城瑶族自治县');
  });

  it('leaves out the placeholders the standard lists (市辖区, 县, 直辖县级行政区划)', () => {
    expect(regionText(regionNames('110105')!)).toBe('北京市朝阳区');
    expect(regionText(regionNames('500229')!)).toBe('重庆市城口县');
    expect(regionText(regionNames('429004')!)).toBe('湖北省仙桃市');
  });

  it('names a county merged or renamed since, marking it no longer current', () => {
    expect(regionNames('110103')).toMatchObject({ county: '崇文区', countyCurrent: false });
    expect(regionNames('430521')).toMatchObject({ county: '邵东县', countyCurrent: false });
    expect(regionNames('430582')).toMatchObject({ county: '邵东市', countyCurrent: true });
  });

  it('marks codes retired between the 2020 list and the 2023 list as no longer current, and names their successors', () => {
    expect(regionNames('330103')).toMatchObject({ county: '下城区', countyCurrent: false }); // merged into 拱墅区, 2021
    expect(regionNames('350403')).toMatchObject({ county: '三元区', countyCurrent: false }); // renumbered 350404, 2021
    expect(regionNames('350404')).toMatchObject({ county: '三元区', countyCurrent: true });
    expect(regionNames('540422')).toMatchObject({ county: '米林县', countyCurrent: false });
    expect(regionText(regionNames('540481')!)).toBe('西藏自治区林芝市米林市');
    expect(regionNames('632803')).toMatchObject({ county: '茫崖市', countyCurrent: true }); // created 2018
    expect(regionNames('430524')).toMatchObject({ county: '隆回县', countyCurrent: true }); // in every list 2002–2023
  });

  it('leaves out the statistics-only development zones and 行政委员会 of the yearly lists', () => {
    expect(isKnownRegionCode('320571')).toBe(false); // 苏州工业园区, 2017–2022 statistics code, never in an ID
    expect(isKnownRegionCode('632858')).toBe(false); // 冷湖行政委员会, 2017 statistics code
  });

  it('names an unknown code as far as its province and city go, and nothing without a province', () => {
    expect(regionText(regionNames('439999')!)).toBe('湖南省');
    expect(regionText(regionNames('430599')!)).toBe('湖南省邵阳市');
    expect(regionNames('000000')).toBeNull();
    expect(regionNames('990101')).toBeNull();
    expect(regionText(regionNames('123456')!)).toBe('天津市');
    expect(regionNames('43052')).toBeNull();
  });
});

describe('provinceNamed and comparePlace', () => {
  it('reads a province only where certain', () => {
    expect(provinceNamed('湖南省邵阳市')?.name).toBe('湖南省');
    expect(provinceNamed('湖南邵阳隆回')?.name).toBe('湖南省');
    expect(provinceNamed('内蒙古呼和浩特市')?.name).toBe('内蒙古自治区');
    expect(provinceNamed('江西村3组')).toBeNull();
    expect(provinceNamed('山东路12号')).toBeNull();
  });

  it('says same, unknown, or which province or county differs', () => {
    expect(comparePlace('430524', '湖南省邵阳市隆回县')).toEqual({ kind: 'same' });
    expect(comparePlace('430524', '岩口镇向家村')).toEqual({ kind: 'unknown' });
    expect(comparePlace('430524', '广东省东莞市')).toEqual({ kind: 'province', named: '广东省' });
    expect(comparePlace('430524', '邵阳市新邵县')).toEqual({ kind: 'county', named: '新邵县' });
    expect(comparePlace('430582', '邵东县团山镇')).toEqual({ kind: 'same' });
    expect(comparePlace('430521', '邵阳市新邵县')).toEqual({ kind: 'unknown' }); // 邵东县 no longer current: no county compared
  });
});
