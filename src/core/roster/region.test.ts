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
